//! Text metrics: how box labels and edge labels wrap, how much room they take, and where their
//! lines are drawn. The layout sizes boxes and label rectangles with these, and
//! [`super::svg`] draws the text with the same numbers, so what the layout keeps free is what the
//! widget fills.
//!
//! The widths are estimates (the browser picks the font): generous averages for sans-serif at the
//! sizes the widget's stylesheet sets (13 px in boxes, 14 px bold in the large view, 11 px for edge
//! labels, bold on the route taken).

use super::{EdgePath, Rect};

/// Line height of the text in a box.
pub const LINE_H: i32 = 18;
/// Space above and below the text in a box.
pub const PAD_Y: i32 = 10;
/// Characters per line of a box label (labels are at most 32 characters, so two lines, rarely three).
pub const WRAP_CHARS: usize = 18;
/// Estimated width of one character of box text: [`WRAP_CHARS`] of them fill 144 of a box's 150
/// pixels.
pub const BOX_CHAR_W: i32 = 8;
/// From the middle of a line of box text down to its baseline: about half the height of a capital
/// at 13–14 px, so the letters sit in the middle of their line.
pub const BASELINE: i32 = 5;
/// Estimated width of one character of an edge label: generous for the 11 px text (about 6 px a
/// character, a little more in bold on the route taken).
pub const LABEL_CHAR_W: i32 = 7;
/// Characters per line of an edge label.
pub const LABEL_WRAP: usize = 28;
/// Line height of an edge label.
pub const LABEL_LINE_H: i32 = 14;
/// From the middle of a line of an edge label down to its baseline (half a capital at 11 px).
pub const LABEL_BASELINE: i32 = 4;
/// Drawn before the first line of the label of an edge that goes through a named rule: "§" and a
/// thin space. It takes about one character of [`LABEL_CHAR_W`], which the label's rectangle has to
/// spare (its [`LABEL_PAD_X`] and the generous estimate), so the layout need not know about it.
pub const RULE_MARK: &str = "§\u{2009}";
/// Room left and right of the text of an edge label inside its rectangle.
pub const LABEL_PAD_X: i32 = 4;
/// Room above the first and below the last line of an edge label inside its rectangle.
pub const LABEL_PAD_Y: i32 = 2;

/// Greedy word wrap at `width` characters; a word longer than that is split, after a `_`, `-` or
/// `/` where one falls in the second half of the line, else hard.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut lines: Vec<String> = Vec::new();
    let mut cur = String::new();
    for word in text.split_whitespace() {
        let mut rest = word;
        let mut first = true;
        while !rest.is_empty() {
            let piece = first_piece(rest, width);
            rest = &rest[piece.len()..];
            if !cur.is_empty() {
                // A piece after the first of a split word always starts a line.
                if !first || cur.chars().count() + 1 + piece.chars().count() > width {
                    lines.push(std::mem::take(&mut cur));
                } else {
                    cur.push(' ');
                }
            }
            cur.push_str(piece);
            first = false;
        }
    }
    if !cur.is_empty() || lines.is_empty() {
        lines.push(cur);
    }
    lines
}

/// The first piece of a word when it is cut into pieces of at most `width` characters (see
/// [`wrap`]): all of it when it fits, else up to the last `_`, `-` or `/` in the second half of the
/// first `width` characters, else those `width` characters.
fn first_piece(word: &str, width: usize) -> &str {
    let mut soft = None;
    for (i, (at, c)) in word.char_indices().enumerate() {
        if i == width {
            return &word[..soft.unwrap_or(at)];
        }
        if i >= width / 2 && matches!(c, '_' | '-' | '/') {
            soft = Some(at + c.len_utf8());
        }
    }
    word
}

/// Height of a box with `lines` lines of text.
pub fn box_height(lines: usize) -> i32 {
    lines.max(1) as i32 * LINE_H + 2 * PAD_Y
}

/// The baseline of line `i` of a box's text, from the top of the box: the lines are [`LINE_H`]
/// apart from [`PAD_Y`] down, each centred in its line.
pub fn line_baseline(i: usize) -> i32 {
    PAD_Y + LINE_H * i as i32 + LINE_H / 2 + BASELINE
}

/// The rectangle kept free for an edge's label, centred on `label_at`.
pub fn label_rect(e: &EdgePath) -> Rect {
    let (w, h) = label_size(&e.label);
    Rect { x: e.label_at.0 - w / 2, y: e.label_at.1 - h / 2, w, h }
}

/// The baseline of line `i` of an edge label of `n` lines centred on height `y`: the lines are
/// [`LABEL_LINE_H`] apart, the middle of the block on `y`.
pub fn label_baseline(y: i32, i: usize, n: usize) -> i32 {
    y + (2 * i as i32 + 1 - n as i32) * LABEL_LINE_H / 2 + LABEL_BASELINE
}

/// The lines of an edge label: the options joined with " / ", broken after a " /" where a line would
/// pass [`LABEL_WRAP`] characters (a single longer option is word-wrapped). Drawn centred on
/// `label_at`, [`LABEL_LINE_H`] apart (see [`label_baseline`]).
pub fn label_lines(label: &str) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    // A finished line; one still too long is one long option, word-wrapped.
    let mut finish = |line: String| {
        if line.chars().count() > LABEL_WRAP {
            lines.extend(wrap(&line, LABEL_WRAP));
        } else {
            lines.push(line);
        }
    };
    let mut cur = String::new();
    let mut rest = label;
    loop {
        // The next option, with its " /" unless it is the last.
        let (piece, next) = match rest.find(" / ") {
            Some(i) => (&rest[..i + 2], Some(&rest[i + 3..])),
            None => (rest, None),
        };
        if !cur.is_empty() {
            if cur.chars().count() + 1 + piece.chars().count() > LABEL_WRAP {
                finish(std::mem::take(&mut cur));
            } else {
                cur.push(' ');
            }
        }
        cur.push_str(piece);
        match next {
            Some(next) => rest = next,
            None => break,
        }
    }
    finish(cur);
    lines
}

/// Width and height of an edge label's rectangle: its longest line and its lines, with
/// [`LABEL_PAD_X`] and [`LABEL_PAD_Y`] around.
pub(super) fn label_size(label: &str) -> (i32, i32) {
    let lines = label_lines(label);
    let chars = lines.iter().map(|l| l.chars().count()).max().unwrap_or(0) as i32;
    (chars * LABEL_CHAR_W + 2 * LABEL_PAD_X, lines.len() as i32 * LABEL_LINE_H + 2 * LABEL_PAD_Y)
}
