//! Property-based fuzzing (proptest) of everything that reads user input: the YAML loader
//! for every content type, the whole `check` pipeline on a mutated fixture, the Markdown
//! renderer and sanitizer, and the Vietnamese text and number functions. None may panic;
//! rendered Markdown must stay safe. CI runs the default number of cases (seconds);
//! `scripts/fuzz.sh` runs them for minutes with `PROPTEST_CASES`. Failures proptest finds
//! are kept in `proptest-regressions/` and as named tests here.

use super::{Project, safe_html};
use crate::model::{AppendixSource, DocumentSource, SectionFrontMatter};
use proptest::prelude::*;
use std::path::Path;

const DOCUMENT: &str =
    include_str!("../../tests/fixtures/valid/documents/khanh-hoa/kh-1-2020/document.yaml");
const APPENDIX: &str = include_str!(
    "../../tests/fixtures/valid/documents/khanh-hoa/kh-1-2020/appendices/01-du-an.yaml"
);
const SECTION: &str = include_str!(
    "../../tests/fixtures/valid/documents/khanh-hoa/kh-1-2020/sections/01-muc-tieu.md"
);

/// Cases per property: `PROPTEST_CASES` when set, else `default`.
fn cases(default: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

/// Characters that matter to YAML, Markdown and HTML, plus Vietnamese letters and controls.
const ALPHABET: &str =
    "[-:{}\\[\\]&*!|>'\"%@`#,?<>/=()\\\\ \t\n\r\u{feff}\u{202e}\u{0301}ạđĐơưẫa-z0-9]";

/// `text` with `edits` applied: each (position, replacement) replaces one character.
fn mutate(text: &str, edits: &[(usize, String)]) -> String {
    let mut chars: Vec<String> = text.chars().map(String::from).collect();
    for (position, replacement) in edits {
        if !chars.is_empty() {
            let i = position % chars.len();
            chars[i] = replacement.clone();
        }
    }
    chars.concat()
}

/// Up to `max` characters of [`ALPHABET`].
fn noise(max: usize) -> impl Strategy<Value = String> {
    proptest::string::string_regex(&format!("{ALPHABET}{{0,{max}}}")).expect("regex")
}

fn edits() -> impl Strategy<Value = Vec<(usize, String)>> {
    prop::collection::vec((any::<usize>(), noise(6)), 1..8)
}

/// Text as the loader hands it on: bidi controls removed, NFC.
fn as_loaded(text: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    crate::bidi::neutralise(text, Path::new("f.md"))
        .0
        .nfc()
        .collect()
}

fn yaml_parses_or_explains<T: serde::de::DeserializeOwned>(text: &str) {
    if let Err(diagnostic) = crate::yaml::parse::<T>(text, Path::new("f.yaml")) {
        assert!(diagnostic.help.is_some(), "no hint: {diagnostic}");
    }
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn yaml_loader_never_panics_on_mutated_files(doc in edits(), appendix in edits()) {
        yaml_parses_or_explains::<DocumentSource>(&mutate(DOCUMENT, &doc));
        yaml_parses_or_explains::<AppendixSource>(&mutate(APPENDIX, &appendix));
    }

    #[test]
    fn yaml_loader_never_panics_on_noise(text in noise(300)) {
        yaml_parses_or_explains::<DocumentSource>(&text);
        yaml_parses_or_explains::<Vec<SectionFrontMatter>>(&text);
    }

    #[test]
    fn markdown_output_is_always_safe(body in edits(), noise in noise(200)) {
        for markdown in [mutate(SECTION, &body), noise] {
            let out = crate::markdown::render(&as_loaded(&markdown), "s", &mut crate::markdown::Anchors::default());
            let problems = safe_html::problems(&out.html);
            prop_assert!(problems.is_empty(), "{problems:?} in {}", out.html);
        }
    }

    #[test]
    fn markdown_with_hostile_html_is_always_safe(
        tag in "(script|iframe|img|a|svg|style|object|td|p)",
        attribute in "(onerror|onclick|href|src|style|formaction)",
        value in "(javascript:alert\\(1\\)|data:text/html,x| JaVa\tScRiPt:x|position:fixed|https://x)",
        around in noise(20),
    ) {
        let markdown = format!("{around}<{tag} {attribute}=\"{value}\">{around}</{tag}>\n\n[l]({value})");
        let out = crate::markdown::render(&as_loaded(&markdown), "s", &mut crate::markdown::Anchors::default());
        let problems = safe_html::problems(&out.html);
        prop_assert!(problems.is_empty(), "{problems:?} in {}", out.html);
    }

    #[test]
    fn vietnamese_text_functions_never_panic(text in "\\PC{0,80}") {
        let slug = crate::vietnamese::slugify(&text);
        prop_assert!(slug.is_empty() || crate::validate::is_valid_id(&slug) || slug.len() > 100);
        let _ = crate::vietnamese::fold(&text);
        let _ = crate::vietnamese::compare(&text, "Đắk Nông");
        let _ = crate::vietnamese::parse_date(&text);
        let _ = crate::amount::parse_amount(&text, crate::model::NumberFormat::Vi);
        let _ = crate::amount::parse_plain(&text);
    }
}

proptest! {
    #![proptest_config(cases(24))]

    /// The whole pipeline (load, validate, render) on a fixture copy with one file mutated.
    #[test]
    fn check_and_render_never_panic(which in 0usize..4, file_edits in edits()) {
        let project = Project::new();
        let file = [
            "documents/khanh-hoa/kh-1-2020/document.yaml",
            "documents/khanh-hoa/kh-1-2020/appendices/01-du-an.yaml",
            "documents/khanh-hoa/kh-1-2020/sections/01-muc-tieu.md",
            "documents/khanh-hoa/bc-1-2021/measurements.yaml",
        ][which];
        let text = std::fs::read_to_string(project.file(file)).expect("fixture");
        project.write(file, &mutate(&text, &file_edits));
        let (site, _) = crate::check_site(&project.content(), &Default::default());
        if let Some(site) = site {
            crate::assemble::render(&site, &project.theme()).expect("renders");
        }
    }
}
