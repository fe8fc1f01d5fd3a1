//! What a published page may contain: checks that hostile content reached the reader only
//! as text. Pages are tokenized (html5gum) and every tag, attribute and URL is inspected.

use html5gum::{DefaultEmitter, Token, Tokenizer};

/// The tokens of `html`, switching to raw text inside `<title>`, `<script>`, `<style>` and
/// `<textarea>` as a browser does.
fn tokens(html: &str) -> impl Iterator<Item = Token> + '_ {
    let mut emitter = DefaultEmitter::default();
    emitter.naively_switch_states(true);
    Tokenizer::new_with_emitter(html, emitter).flatten()
}

/// Tags that content must never be able to create.
const FORBIDDEN_TAGS: &[&str] = &[
    "iframe", "frame", "frameset", "object", "embed", "applet", "base", "form", "input", "button",
    "textarea", "select", "svg", "math", "style", "template", "noscript",
];

/// Attributes that hold a URL.
const URL_ATTRIBUTES: &[&str] = &[
    "href",
    "src",
    "action",
    "formaction",
    "poster",
    "data",
    "cite",
    "background",
    "srcset",
    "xlink:href",
    "ping",
];

/// Every way `html` could run script or frame content, described; empty when it is safe.
pub fn problems(html: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut in_search_form = false;
    for token in tokens(html) {
        if let Token::EndTag(tag) = &token
            && tag.name.eq_ignore_ascii_case(b"form")
        {
            in_search_form = false;
        }
        let Token::StartTag(tag) = token else {
            if let Token::String(text) = token {
                text_problems(&String::from_utf8_lossy(&text.value), &mut found);
            }
            continue;
        };
        let name = String::from_utf8_lossy(&tag.name).to_lowercase();
        let attribute = |key: &str| {
            tag.attributes
                .get(key.as_bytes())
                .map(|v| String::from_utf8_lossy(&v.value).into_owned())
        };
        let theme_element = match name.as_str() {
            // The theme's build-time charts.
            "svg" => attribute("class").as_deref() == Some("chart"),
            // The theme's search form (GET to the search page) and its controls.
            "form" => {
                let ours = attribute("action").is_some_and(|a| a.contains("tim-kiem/"));
                in_search_form |= ours;
                ours
            }
            "input" | "button" => {
                in_search_form || attribute("id").is_some_and(|i| i.starts_with("tk-"))
            }
            // The search page's own filters and its note for readers without JavaScript.
            "select" => attribute("id").is_some_and(|i| i.starts_with("tk-")),
            "noscript" => true,
            _ => false,
        };
        if FORBIDDEN_TAGS.contains(&name.as_str()) && !theme_element {
            found.push(format!("<{name}> element"));
        }
        let data_block = attribute("type")
            .is_some_and(|t| t == "application/json" || t == "application/ld+json");
        if name == "script"
            && !data_block
            && !attribute("src").is_some_and(|src| src.contains("assets/"))
        {
            found.push("<script> that is not one of the theme's assets".to_string());
        }
        if name == "meta"
            && attribute("http-equiv")
                .is_some_and(|h| !h.eq_ignore_ascii_case("Content-Security-Policy"))
        {
            found.push("<meta http-equiv>".to_string());
        }
        for (key, value) in &tag.attributes {
            let key = String::from_utf8_lossy(key).to_lowercase();
            let value = String::from_utf8_lossy(&value.value).into_owned();
            if key.starts_with("on") || key == "srcdoc" || key == "formaction" {
                found.push(format!("<{name} {key}=…> attribute"));
            }
            if URL_ATTRIBUTES.contains(&key.as_str()) && !safe_url(&value) {
                found.push(format!("<{name} {key}=\"{value}\"> URL"));
            }
            if key == "style" && !safe_style(&value) {
                found.push(format!("<{name} style=\"{value}\">"));
            }
            text_problems(&value, &mut found);
        }
    }
    found
}

/// Characters that must not reach a reader: bidi controls, NUL, text not in NFC.
fn text_problems(text: &str, found: &mut Vec<String>) {
    let bidi_control = |c: char| matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}');
    if text.chars().any(bidi_control) {
        found.push(format!("bidi control in {text:?}"));
    }
    if text.contains('\0') {
        found.push(format!("NUL in {text:?}"));
    }
    if !unicode_normalization::is_nfc(text) {
        found.push(format!("text not in NFC: {text:?}"));
    }
}

/// A URL without a scheme (relative) or with http, https or mailto.
fn safe_url(value: &str) -> bool {
    let squeezed: String = value
        .chars()
        .filter(|c| !c.is_whitespace() && !c.is_control())
        .collect::<String>()
        .to_lowercase();
    match squeezed.find(':') {
        Some(colon) if !squeezed[..colon].contains(['/', '?', '#']) => {
            matches!(&squeezed[..colon], "http" | "https" | "mailto")
        }
        _ => true,
    }
}

/// Only the alignment that Markdown tables produce.
fn safe_style(value: &str) -> bool {
    let value = value.trim().trim_end_matches(';').replace(' ', "");
    matches!(
        value.as_str(),
        "text-align:left" | "text-align:center" | "text-align:right"
    )
}

/// The text a reader sees, entities decoded (tags removed).
pub fn visible_text(html: &str) -> String {
    let mut text = String::new();
    for token in tokens(html) {
        if let Token::String(s) = token {
            text.push_str(&String::from_utf8_lossy(&s.value));
        }
    }
    text
}
