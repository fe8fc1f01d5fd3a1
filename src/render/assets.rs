//! Asset file names that carry a hash of their content, so they can be cached for a year.

use crate::output::Output;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;

/// `style.css` with content hash `3f2a…` → `style.3f2a9c01bd.css`.
pub fn fingerprinted_name(name: &str, bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let hash: String = digest.iter().take(5).map(|b| format!("{b:02x}")).collect();
    match name.rsplit_once('.') {
        Some((stem, extension)) => format!("{stem}.{hash}.{extension}"),
        None => format!("{name}.{hash}"),
    }
}

/// A theme script without its comment lines and indentation: the scripts are written to be
/// read, with a comment on every function, and a third of the search script was comments
/// (14,0 KB gzip with them, 10,4 KB without). Only whole lines go: a line that starts with
/// `//`, or a block from a line that starts with `/*` to the line that ends it with `*/`.
/// A script with a template literal or a line continuation, where a line can be inside a
/// string, is left as it is.
pub fn strip_script(bytes: &[u8]) -> Vec<u8> {
    let Ok(text) = std::str::from_utf8(bytes) else {
        return bytes.to_vec();
    };
    let mut out = String::with_capacity(text.len());
    let mut in_block = false;
    for line in text.lines() {
        let code = line.trim();
        if in_block {
            match code.find("*/") {
                None => {}
                Some(end) if end + 2 == code.len() => in_block = false,
                // Code after the comment on its last line.
                Some(_) => return bytes.to_vec(),
            }
            continue;
        }
        if let Some(rest) = code.strip_prefix("/*") {
            match rest.find("*/") {
                None => in_block = true,
                Some(end) if end + 2 == rest.len() => {}
                // Code after the comment on its line: kept as it is.
                Some(_) => {
                    out.push_str(code);
                    out.push('\n');
                }
            }
            continue;
        }
        if code.is_empty() || code.starts_with("//") {
            continue;
        }
        if code.contains('`') || code.ends_with('\\') {
            return bytes.to_vec();
        }
        out.push_str(code);
        out.push('\n');
    }
    if in_block {
        return bytes.to_vec();
    }
    out.into_bytes()
}

/// Renames every asset to its fingerprinted name (a script first stripped by
/// [`strip_script`]); returns the map from the theme's name (`style.css`) to the published
/// path (`assets/style.3f2a9c01bd.css`).
pub fn fingerprint(assets: &mut [Output]) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for asset in assets {
        if asset.path.ends_with(".js") {
            asset.bytes = strip_script(&asset.bytes);
        }
        let name = asset
            .path
            .strip_prefix(crate::urls::ASSETS_FOLDER)
            .and_then(|rest| rest.strip_prefix('/'))
            .unwrap_or(&asset.path)
            .to_string();
        let published = crate::urls::asset(&fingerprinted_name(&name, &asset.bytes));
        map.insert(name, published.clone());
        asset.path = published;
    }
    map
}

#[cfg(test)]
mod tests {
    use super::{fingerprinted_name, strip_script};

    #[test]
    fn scripts_lose_their_comment_lines_and_indentation_only() {
        let script = b"/* one\n * two */\n/* a */ var b;\n(function () {\n  // a comment\n  /** Doc. */\n  var a = '// not a comment'; // kept\n  var r = /[/*]/g;\n\n  return a;\n})();\n";
        assert_eq!(
            String::from_utf8_lossy(&strip_script(script)),
            "/* a */ var b;\n(function () {\nvar a = '// not a comment'; // kept\nvar r = /[/*]/g;\nreturn a;\n})();\n"
        );
        // A template literal or a continued string could hold a line that looks like a
        // comment: such a script is kept whole.
        for kept in [
            &b"var a = `\n// x\n`;\n"[..],
            b"var a = 'x\\\n// y';\n",
            b"/* open\n",
            b"/* a\n b */ var c;\n",
        ] {
            assert_eq!(strip_script(kept), kept);
        }
    }

    #[test]
    fn names_change_with_content() {
        let a = fingerprinted_name("style.css", b"a{}");
        let b = fingerprinted_name("style.css", b"b{}");
        assert!(a.starts_with("style.") && a.ends_with(".css"));
        assert_ne!(a, b);
        assert_eq!(a, fingerprinted_name("style.css", b"a{}"));
    }
}
