//! Answering requests from the pages in memory: GET and HEAD only, the portal's 404 page,
//! and the reload script added to HTML pages (never to other files).

use super::route::{Route, content_type, route};
use super::state::Shared;
use std::io::Cursor;
use std::sync::Arc;
use std::time::Duration;
use tiny_http::{Header, Method, Request, Response, StatusCode};

/// How long a browser's reload request waits for a rebuild before it asks again.
pub const WAIT: Duration = Duration::from_secs(20);

/// The script added to every served HTML page.
const SCRIPT: &str = include_str!("reload.js");

type Reply = Response<Cursor<Vec<u8>>>;

/// Adds a header; a value that is not plain ASCII (which only a request URL could bring)
/// is left out.
fn with(reply: Reply, name: &str, value: &str) -> Reply {
    match Header::from_bytes(name.as_bytes(), value.as_bytes()) {
        Ok(header) => reply.with_header(header),
        Err(()) => reply,
    }
}

fn response(status: u16, content_type: &str, body: Vec<u8>) -> Reply {
    let reply = Response::from_data(body).with_status_code(StatusCode(status));
    let reply = with(reply, "Content-Type", content_type);
    let reply = with(reply, "Cache-Control", "no-store");
    with(reply, "X-Content-Type-Options", "nosniff")
}

/// Adds the reload script before `</body>` (or at the end of the page).
fn inject(html: &[u8], site: u64) -> Vec<u8> {
    let tag = format!(
        "<script src=\"{}reload.js\" data-site=\"{site}\"></script>",
        super::route::PREFIX
    );
    let at = html
        .windows(7)
        .rposition(|w| w.eq_ignore_ascii_case(b"</body>"))
        .unwrap_or(html.len());
    let mut out = Vec::with_capacity(html.len() + tag.len());
    out.extend_from_slice(&html[..at]);
    out.extend_from_slice(tag.as_bytes());
    out.extend_from_slice(&html[at..]);
    out
}

/// True when the `Host` header names this machine's loopback interface (`localhost`,
/// `127.0.0.1`, `[::1]`, with or without a port).
fn is_loopback_host(host: &str) -> bool {
    let name = match host.strip_prefix('[') {
        Some(rest) => rest.split(']').next().unwrap_or_default(),
        None => host.split(':').next().unwrap_or_default(),
    };
    name.eq_ignore_ascii_case("localhost")
        || name
            .parse::<std::net::IpAddr>()
            .is_ok_and(|ip| ip.is_loopback())
}

/// Answers one request. A server on the loopback interface (`loopback_only`) answers only
/// requests addressed to it by a loopback name: a web page elsewhere that rebinds its own
/// name to 127.0.0.1 ("DNS rebinding") cannot read the drafts it previews.
pub fn handle(request: Request, shared: &Arc<Shared>, loopback_only: bool) {
    let host = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Host"))
        .map(|h| h.value.as_str().to_string());
    if loopback_only && host.as_deref().is_some_and(|host| !is_loopback_host(host)) {
        let body = "Máy chủ xem trước chỉ trả lời địa chỉ localhost hoặc 127.0.0.1.".as_bytes();
        let _ = request.respond(response(421, "text/plain; charset=utf-8", body.to_vec()));
        return;
    }
    // tiny_http sends no body for HEAD itself.
    if !matches!(request.method(), Method::Get | Method::Head) {
        let reply = response(405, "text/plain; charset=utf-8", b"GET, HEAD".to_vec());
        let reply = with(reply, "Allow", "GET, HEAD");
        let _ = request.respond(reply);
        return;
    }
    let pages = shared.pages();
    let range = request
        .headers()
        .iter()
        .find(|h| h.field.equiv("Range"))
        .and_then(|h| byte_range(h.value.as_str()));
    let reply = match route(request.url(), &pages) {
        Route::Page(key) => match (range, pages.get(&key)) {
            // The search reads its index files by byte range.
            (Some((from, to)), Some(bytes)) if !key.ends_with(".html") => {
                ranged(&key, bytes, from, to)
            }
            (_, bytes) => {
                let status = shared.status();
                page_response(200, &key, bytes.map(|b| b.as_slice()), status.site)
            }
        },
        Route::Redirect(location) => with(
            response(301, "text/plain; charset=utf-8", Vec::new()),
            "Location",
            &location,
        ),
        Route::Events(since) => {
            let status = match since {
                Some(since) => shared.wait(since, WAIT),
                None => shared.status(),
            };
            let body = serde_json::to_vec(&status).unwrap_or_default();
            response(200, "application/json; charset=utf-8", body)
        }
        Route::Script => response(
            200,
            "text/javascript; charset=utf-8",
            SCRIPT.as_bytes().to_vec(),
        ),
        Route::NotFound => {
            let status = shared.status();
            page_response(
                404,
                crate::urls::NOT_FOUND,
                pages.get(crate::urls::NOT_FOUND).map(|b| b.as_slice()),
                status.site,
            )
        }
    };
    let _ = request.respond(reply);
}

/// The bounds of a request's one byte range (`bytes=a-b` or `bytes=a-`; `None` for an end).
fn byte_range(value: &str) -> Option<(usize, Option<usize>)> {
    let (from, to) = value.strip_prefix("bytes=")?.split_once('-')?;
    let from = from.parse().ok()?;
    let to = if to.is_empty() {
        None
    } else {
        Some(to.parse().ok()?)
    };
    Some((from, to))
}

/// The part of `bytes` a range asks for (206), or 416 when it starts past the end.
fn ranged(key: &str, bytes: &[u8], from: usize, to: Option<usize>) -> Reply {
    let last = to.unwrap_or(usize::MAX).min(bytes.len().saturating_sub(1));
    if from > last || bytes.is_empty() {
        let reply = response(416, "text/plain; charset=utf-8", Vec::new());
        return with(reply, "Content-Range", &format!("bytes */{}", bytes.len()));
    }
    let reply = response(206, &content_type(key), bytes[from..=last].to_vec());
    with(
        reply,
        "Content-Range",
        &format!("bytes {from}-{last}/{}", bytes.len()),
    )
}

fn page_response(status: u16, key: &str, bytes: Option<&[u8]>, site: u64) -> Reply {
    let kind = content_type(key);
    match bytes {
        Some(bytes) if key.ends_with(".html") => response(status, &kind, inject(bytes, site)),
        Some(bytes) => response(status, &kind, bytes.to_vec()),
        None => response(
            status,
            "text/html; charset=utf-8",
            inject(
                "<!DOCTYPE html><html lang=\"vi\"><meta charset=\"utf-8\"><title>Không tìm thấy trang</title><body><h1>Không tìm thấy trang</h1></body></html>".as_bytes(),
                site,
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::inject;

    #[test]
    fn a_byte_range_answers_with_its_part_only() {
        assert_eq!(super::byte_range("bytes=2-5"), Some((2, Some(5))));
        assert_eq!(super::byte_range("bytes=7-"), Some((7, None)));
        assert_eq!(super::byte_range("bytes=-5"), None);
        assert_eq!(super::byte_range("items=1-2"), None);
        let reply = super::ranged("a.bin", b"0123456789", 2, Some(5));
        assert_eq!(reply.status_code().0, 206);
        let reply = super::ranged("a.bin", b"0123456789", 8, Some(50));
        assert_eq!(reply.status_code().0, 206);
        let reply = super::ranged("a.bin", b"0123", 8, None);
        assert_eq!(reply.status_code().0, 416);
    }

    #[test]
    fn only_loopback_names_are_answered() {
        for host in [
            "localhost",
            "localhost:8080",
            "127.0.0.1:3000",
            "[::1]:80",
            "LOCALHOST",
        ] {
            assert!(super::is_loopback_host(host), "{host}");
        }
        for host in [
            "evil.example",
            "evil.example:8080",
            "10.0.0.1",
            "[fe80::1]:80",
            "",
        ] {
            assert!(!super::is_loopback_host(host), "{host}");
        }
    }

    #[test]
    fn script_goes_before_the_last_body_end() {
        let html = b"<html><body><p>&lt;/body&gt;</p></BODY></html>";
        let out = String::from_utf8(inject(html, 3)).expect("utf8");
        assert!(out.ends_with(
            "<script src=\"/__congkhai/reload.js\" data-site=\"3\"></script></BODY></html>"
        ));
    }
}
