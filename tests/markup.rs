//! The HTML the widget writes as text (src/ui/markup.rs): what comes from a rule file or a
//! gemeente's configuration can never become markup.

use regiewijzer::ui::markup::Markup;

#[test]
fn text_and_attributes_are_escaped() {
    let mut m = Markup::new();
    m.raw("<p").attr("title", "\"><script>x</script>").raw(">").text("a < b & c > d 'e'").raw("</p>");
    assert_eq!(m.as_str(), "<p title=\"&quot;&gt;&lt;script&gt;x&lt;/script&gt;\">a &lt; b &amp; c &gt; d &#39;e&#39;</p>");
}

#[test]
fn el_closes_with_the_tag_name() {
    let mut m = Markup::new();
    m.el("<dd>", "x").el("<p class=\"rw-melding\" role=\"alert\">", "<b>").el("<strong>", "");
    assert_eq!(m.as_str(), "<dd>x</dd><p class=\"rw-melding\" role=\"alert\">&lt;b&gt;</p><strong></strong>");
}

#[test]
fn numbers_are_written_in_full() {
    let mut m = Markup::new();
    for n in [0, 7, -5, 1234, i32::MAX, i32::MIN] {
        m.num(n).raw(",");
    }
    assert_eq!(m.as_str(), format!("0,7,-5,1234,{},{},", i32::MAX, i32::MIN));
}

#[test]
fn every_character_survives_escaping() {
    // Non-ASCII text (Dutch quotes, dashes, ë) passes unchanged; only the five special ones change.
    let s = "“Cliënt” — regie’s ✓ §";
    let mut m = Markup::new();
    m.text(s);
    assert_eq!(m.finish(), s);
}
