//! From a request URL to a page of the site. Only paths of pages the site has are served:
//! pages live in memory, so no URL can reach a file on disk, and any URL with `.` or `..`
//! segments (plain or percent-encoded), backslashes or NUL is refused before the lookup.

use super::preview::Pages;
use percent_encoding::percent_decode_str;

/// The prefix of the preview's own URLs; no page of the site starts with it.
pub const PREFIX: &str = "/__congkhai/";

/// Where a request goes.
#[derive(Debug, PartialEq, Eq)]
pub enum Route {
    /// A page or asset of the site, by output path.
    Page(String),
    /// A folder without its final `/`: redirect there, so relative links work.
    Redirect(String),
    /// The reload endpoint: wait for a version other than this one (none: answer at once).
    Events(Option<u64>),
    /// The reload script.
    Script,
    /// Nothing: the portal's 404 page.
    NotFound,
}

/// Where `url` (the request target, e.g. `/van-ban/x/?a=b`) goes among `pages`.
pub fn route(url: &str, pages: &Pages) -> Route {
    let (path, query) = url.split_once('?').unwrap_or((url, ""));
    if let Some(own) = path.strip_prefix(PREFIX) {
        return match own {
            "events" => Route::Events(
                query
                    .split('&')
                    .find_map(|pair| pair.strip_prefix("since="))
                    .and_then(|v| v.parse().ok()),
            ),
            "reload.js" => Route::Script,
            _ => Route::NotFound,
        };
    }
    let Some(segments) = clean_segments(path) else {
        return Route::NotFound;
    };
    let joined = segments.join("/");
    let folder = path.ends_with('/');
    let key = match (joined.is_empty(), folder) {
        (true, _) => "index.html".to_string(),
        (false, true) => format!("{joined}/index.html"),
        (false, false) => joined.clone(),
    };
    if pages.contains_key(&key) {
        Route::Page(key)
    } else if !folder && pages.contains_key(&format!("{joined}/index.html")) {
        Route::Redirect(format!("{path}/"))
    } else {
        Route::NotFound
    }
}

/// The decoded segments of an absolute path; `None` when the path is not plainly inside the
/// site (relative, `.`/`..`, empty segments, backslash, NUL, invalid UTF-8 or encoding).
fn clean_segments(path: &str) -> Option<Vec<String>> {
    let rest = path.strip_prefix('/')?;
    let inner = rest.strip_suffix('/').unwrap_or(rest);
    if inner.is_empty() {
        return Some(Vec::new());
    }
    inner
        .split('/')
        .map(|raw| {
            let segment = percent_decode_str(raw).decode_utf8().ok()?;
            let bad = segment.is_empty()
                || segment == "."
                || segment == ".."
                || segment.contains(['/', '\\', '\0', ':']);
            (!bad).then(|| segment.into_owned())
        })
        .collect()
}

/// The `Content-Type` of an output path, with the charset for text.
pub fn content_type(path: &str) -> String {
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let textual = mime.type_() == mime_guess::mime::TEXT
        || matches!(
            mime.subtype().as_str(),
            "json" | "javascript" | "xml" | "svg" | "geo+json" | "ld+json"
        )
        || mime.suffix().is_some_and(|s| s == "json" || s == "xml");
    if textual {
        format!("{}; charset=utf-8", mime.essence_str())
    } else {
        mime.essence_str().to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn pages() -> Pages {
        [
            "index.html",
            "van-ban/a/index.html",
            "assets/style.css",
            "404.html",
        ]
        .into_iter()
        .map(|p| (p.to_string(), Arc::new(Vec::new())))
        .collect()
    }

    #[test]
    fn pages_folders_and_redirects() {
        let pages = pages();
        assert_eq!(route("/", &pages), Route::Page("index.html".into()));
        assert_eq!(route("/?x=1", &pages), Route::Page("index.html".into()));
        assert_eq!(
            route("/van-ban/a/", &pages),
            Route::Page("van-ban/a/index.html".into())
        );
        assert_eq!(
            route("/van-ban/a", &pages),
            Route::Redirect("/van-ban/a/".into())
        );
        assert_eq!(
            route("/assets/style.css", &pages),
            Route::Page("assets/style.css".into())
        );
        assert_eq!(
            route("/%61ssets/style.css", &pages),
            Route::Page("assets/style.css".into())
        );
        assert_eq!(route("/van-ban/b/", &pages), Route::NotFound);
    }

    #[test]
    fn nothing_outside_the_site() {
        let pages = pages();
        for url in [
            "/../Cargo.toml",
            "/van-ban/../index.html",
            "/van-ban/%2e%2e/index.html",
            "/%2E%2E/%2E%2E/etc/passwd",
            "/van-ban/a/..%2f..%2fCargo.toml",
            "/./index.html",
            "//etc/passwd",
            "/etc/passwd",
            "index.html",
            "http://example.com/index.html",
            "/assets\\..\\style.css",
            "/assets/style.css%00",
            "/C:/Windows/win.ini",
            "/%ff/",
        ] {
            assert_eq!(route(url, &pages), Route::NotFound, "{url}");
        }
    }

    #[test]
    fn own_urls() {
        let pages = pages();
        assert_eq!(route("/__congkhai/events", &pages), Route::Events(None));
        assert_eq!(
            route("/__congkhai/events?since=7", &pages),
            Route::Events(Some(7))
        );
        assert_eq!(route("/__congkhai/reload.js", &pages), Route::Script);
        assert_eq!(route("/__congkhai/x", &pages), Route::NotFound);
    }

    #[test]
    fn content_types_name_the_charset() {
        assert_eq!(content_type("a/index.html"), "text/html; charset=utf-8");
        assert_eq!(content_type("assets/style.css"), "text/css; charset=utf-8");
        assert_eq!(
            content_type("du-lieu/a.json"),
            "application/json; charset=utf-8"
        );
        assert_eq!(content_type("du-lieu/a.csv"), "text/csv; charset=utf-8");
        // A compressed download is sent as the file it is, not as encoded text.
        assert_eq!(content_type("du-lieu/a.csv.gz"), "application/gzip");
        assert_eq!(content_type("a.png"), "image/png");
    }
}
