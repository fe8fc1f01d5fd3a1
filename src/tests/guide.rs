//! The sample appendix of the editors' guide `docs/huong-dan-bien-tap.md` (the fenced block
//! under `<!-- mẫu: … -->`) parses as an appendix file; `tests/integration/guide.rs` runs the
//! guide's other examples through the binary.

use super::repo;
use crate::model::AppendixSource;
use std::path::Path;

#[test]
fn the_guides_sample_appendix_parses() {
    let guide = std::fs::read_to_string(repo().join("docs/huong-dan-bien-tap.md")).expect("guide");
    let mut samples = 0;
    let mut lines = guide.lines();
    while let Some(line) = lines.next() {
        let tagged = line
            .strip_prefix("<!--")
            .is_some_and(|comment| comment.trim().starts_with("mẫu:"));
        if !tagged {
            continue;
        }
        let mut lines_after = lines.by_ref().skip_while(|l| !l.starts_with("```")).skip(1);
        let body: String = lines_after
            .by_ref()
            .take_while(|l| !l.starts_with("```"))
            .map(|l| format!("{l}\n"))
            .collect();
        let parsed: Result<AppendixSource, _> = crate::yaml::parse(&body, Path::new("mẫu.yaml"));
        assert!(
            parsed.is_ok(),
            "the sample appendix does not parse: {:?}",
            parsed.err()
        );
        samples += 1;
    }
    assert!(samples > 0, "the guide has a sample appendix");
}
