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

/// Renames every asset to its fingerprinted name; returns the map from the theme's name
/// (`style.css`) to the published path (`assets/style.3f2a9c01bd.css`).
pub fn fingerprint(assets: &mut [Output]) -> BTreeMap<String, String> {
    let mut map = BTreeMap::new();
    for asset in assets {
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
    use super::fingerprinted_name;

    #[test]
    fn names_change_with_content() {
        let a = fingerprinted_name("style.css", b"a{}");
        let b = fingerprinted_name("style.css", b"b{}");
        assert!(a.starts_with("style.") && a.ends_with(".css"));
        assert_ne!(a, b);
        assert_eq!(a, fingerprinted_name("style.css", b"a{}"));
    }
}
