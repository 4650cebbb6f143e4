//! HTML as text, for the parts of the widget that are read rather than typed in: the outcome, the
//! schema, the lists. Each element written with Yew's `html!` becomes its own code in the wasm (a
//! vnode built field by field, its attributes, its children); written here it is a literal in the
//! data section and one call. The widget's wasm shrank by tens of KB this way (issue 9, see the
//! README's size breakdown). The component around it stays a Yew component that gets the text as
//! one raw node (`Html::from_html_unchecked`), and its buttons reach it by one delegated listener
//! that reads their `data-rw` attribute ([`crate::ui::browser::action_of`]).
//!
//! Safety: everything that is not a literal of this crate goes through [`Markup::text`] (or
//! [`Markup::el`], which calls it), which escapes `& < > " '`, so a rule file or a gemeente's
//! configuration can never add markup, an attribute or a script. No `style` attribute is ever
//! written (the strict Content-Security-Policy forbids it). Free of Yew and browser types: tested
//! natively in `tests/markup.rs`.

/// HTML being written.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    pub fn new() -> Self {
        Markup(String::with_capacity(1024))
    }

    /// Markup written in this crate (a literal), as is.
    #[inline(never)]
    pub fn raw(&mut self, s: &str) -> &mut Self {
        self.0.push_str(s);
        self
    }

    /// Text, or an attribute value between double quotes, escaped.
    #[inline(never)]
    pub fn text(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
        self
    }

    /// An element with text: `open` is its opening tag (a literal such as `<p class="rw-x">`), the
    /// text is escaped and the closing tag follows from the tag's name.
    #[inline(never)]
    pub fn el(&mut self, open: &str, text: &str) -> &mut Self {
        self.raw(open).text(text);
        let name = open[1..].split([' ', '>']).next().unwrap_or_default();
        self.raw("</").raw(name).raw(">")
    }

    /// A whole number (a coordinate, a count).
    #[inline(never)]
    pub fn num(&mut self, n: i32) -> &mut Self {
        if n < 0 {
            self.0.push('-');
        }
        let mut digits = [0u8; 10];
        let (mut v, mut i) = (n.unsigned_abs(), digits.len());
        loop {
            i -= 1;
            digits[i] = b'0' + (v % 10) as u8;
            v /= 10;
            if v == 0 {
                break;
            }
        }
        for d in &digits[i..] {
            self.0.push(*d as char);
        }
        self
    }

    /// ` name="value"` with the value escaped.
    #[inline(never)]
    pub fn attr(&mut self, name: &str, value: &str) -> &mut Self {
        self.raw(" ").raw(name).raw("=\"").text(value).raw("\"")
    }

    /// The HTML written so far.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn finish(self) -> String {
        self.0
    }
}
