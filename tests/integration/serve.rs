//! `congkhai serve` on a loopback port: pages served from memory, live rebuild after an edit,
//! content errors reported while the last good page stays up, and no way out of the site.

use crate::common;
use common::Project;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::process::{Child, ChildStdout, Command, Stdio};
use std::time::{Duration, Instant};

/// A running `congkhai serve`, stopped with Ctrl-C (SIGINT) when dropped.
struct Server {
    child: Child,
    stdout: BufReader<ChildStdout>,
    address: String,
}

impl Server {
    fn start(project: &Project) -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_congkhai"))
            .args(["serve", "--port", "0"])
            .current_dir(project.path())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .expect("the congkhai binary runs");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let mut line = String::new();
        stdout
            .read_line(&mut line)
            .expect("serve prints its address");
        let start = line
            .find("http://127.0.0.1:")
            .unwrap_or_else(|| panic!("serve should say where it listens on 127.0.0.1: {line:?}"));
        let address = line[start + "http://".len()..]
            .split('/')
            .next()
            .expect("host:port")
            .to_string();
        Server {
            child,
            stdout,
            address,
        }
    }

    /// Sends a raw GET (the path exactly as given, not normalised by any client library).
    fn get(&self, path: &str) -> Reply {
        self.get_as(path, &self.address)
    }

    /// Sends a raw GET with `host` as its `Host` header.
    fn get_as(&self, path: &str, host: &str) -> Reply {
        let mut stream = TcpStream::connect(&self.address).expect("connect");
        stream
            .set_read_timeout(Some(Duration::from_secs(30)))
            .expect("timeout");
        write!(
            stream,
            "GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
        )
        .expect("send");
        let mut raw = Vec::new();
        stream.read_to_end(&mut raw).expect("read");
        let text = String::from_utf8_lossy(&raw).into_owned();
        let (head, body) = text.split_once("\r\n\r\n").unwrap_or((&text, ""));
        let status = head
            .split(' ')
            .nth(1)
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        Reply {
            status,
            head: head.to_ascii_lowercase(),
            body: body.to_string(),
        }
    }

    /// Fetches `path` until `ok` holds for the reply (the rebuild runs after the save).
    fn wait_for(&self, path: &str, what: &str, ok: impl Fn(&Reply) -> bool) -> Reply {
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let reply = self.get(path);
            if ok(&reply) {
                return reply;
            }
            assert!(
                Instant::now() < deadline,
                "{what}: {path} never did; last reply:\n{}\n{}",
                reply.head,
                reply.body
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// Stops the server with SIGINT, as Ctrl-C does; returns what it printed.
    fn stop(mut self) -> (bool, String, String) {
        // The shell's own `kill`, so that no package is needed for it.
        let status = Command::new("sh")
            .args(["-c", &format!("kill -INT {}", self.child.id())])
            .status()
            .expect("kill runs");
        assert!(status.success());
        let mut stdout = String::new();
        let mut stderr = String::new();
        self.stdout.read_to_string(&mut stdout).ok();
        if let Some(mut err) = self.child.stderr.take() {
            err.read_to_string(&mut stderr).ok();
        }
        let ok = self.child.wait().expect("wait").success();
        (ok, stdout, stderr)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

struct Reply {
    status: u16,
    head: String,
    body: String,
}

const DOCUMENT: &str = "/van-ban/kh-1-2020/";
const SECTION: &str = "documents/khanh-hoa/kh-1-2020/sections/01-muc-tieu.md";

#[test]
fn serve_rebuilds_reports_errors_and_stays_inside_the_site() {
    let project = Project::new();
    // A link in the theme's static folder that points out of the project.
    std::os::unix::fs::symlink(
        common::repo().join("Cargo.toml"),
        project.path().join("themes/default/static/leak.toml"),
    )
    .expect("symlink");
    let server = Server::start(&project);

    let page = server.get(DOCUMENT);
    assert_eq!(page.status, 200, "{}", page.body);
    assert!(page.head.contains("content-type: text/html; charset=utf-8"));
    assert!(page.body.contains("50% hồ sơ được xử lý trực tuyến"));
    assert!(
        page.body.contains("/__congkhai/reload.js"),
        "reload script added"
    );
    let start = page.body.find("/assets/style.").expect("stylesheet link");
    let end = start + page.body[start..].find(".css").expect("css link") + 4;
    let css = server.get(&page.body[start..end]);
    assert_eq!(css.status, 200);
    assert!(css.head.contains("content-type: text/css; charset=utf-8"));
    assert!(
        !css.body.contains("__congkhai"),
        "script only in HTML pages"
    );
    let folder = server.get("/van-ban/kh-1-2020");
    assert_eq!(folder.status, 301);
    assert!(folder.head.contains("location: /van-ban/kh-1-2020/"));

    // An edit shows up on the page.
    project.edit(SECTION, "50% hồ sơ", "75% hồ sơ");
    server.wait_for(DOCUMENT, "the edited section appears", |r| {
        r.body.contains("75% hồ sơ được xử lý trực tuyến")
    });

    // A broken file: the error is reported with file:line:column, the last good page stays.
    project.edit(SECTION, "title: \"I. MỤC TIÊU\"", "title: [\"I. MỤC TIÊU\"");
    let events = server.wait_for("/__congkhai/events", "the error is reported", |r| {
        r.body.contains("\"errors\":[{")
    });
    assert!(
        events.body.contains("01-muc-tieu.md:3:"),
        "error names file:line:column: {}",
        events.body
    );
    let still = server.get(DOCUMENT);
    assert_eq!(still.status, 200);
    assert!(still.body.contains("75% hồ sơ được xử lý trực tuyến"));

    // Fixed: the error goes away and the new text is served.
    project.edit(
        SECTION,
        "title: [\"I. MỤC TIÊU\"",
        "title: \"I. MỤC TIÊU (sửa)\"",
    );
    server.wait_for("/__congkhai/events", "the error goes away", |r| {
        r.body.contains("\"errors\":[]")
    });
    assert!(server.get(DOCUMENT).body.contains("I. MỤC TIÊU (sửa)"));

    // Reading files during a rebuild is not a change: without edits nothing is rebuilt.
    let quiet = server.get("/__congkhai/events").body;
    std::thread::sleep(Duration::from_millis(500));
    assert_eq!(
        server.get("/__congkhai/events").body,
        quiet,
        "no rebuild without edits"
    );

    // Nothing outside the site: every one of these is the portal's 404 page.
    for url in [
        "/../Cargo.toml",
        "/../../../../etc/passwd",
        "/%2e%2e/Cargo.toml",
        "/%2E%2E/%2E%2E/Cargo.toml",
        "/van-ban/..%2f..%2fCargo.toml",
        "/assets/..%5c..%5cCargo.toml",
        "/./Cargo.toml",
        "//etc/passwd",
        "/etc/passwd",
        "/content/site.yaml",
        "/themes/default/templates/base.html",
        "/assets/leak.toml",
        "/Cargo.toml%00.html",
    ] {
        let reply = server.get(url);
        assert_eq!(reply.status, 404, "{url} must not be served");
        assert!(!reply.body.contains("[package]"), "{url} leaked Cargo.toml");
        assert!(!reply.body.contains("root:"), "{url} leaked /etc/passwd");
        assert!(
            reply.body.contains("Không tìm thấy trang"),
            "{url}: portal's 404 page"
        );
    }

    let (stopped, stdout, stderr) = server.stop();
    assert!(stopped, "Ctrl-C stops cleanly: {stdout}{stderr}");
    assert!(stdout.contains("Đã dừng"), "{stdout}");
    assert!(
        stderr.contains("01-muc-tieu.md:3:"),
        "terminal shows the error: {stderr}"
    );
    assert!(
        !project.path().join("output").exists(),
        "preview writes nothing to output/"
    );
}

/// A page elsewhere that rebinds its own name to 127.0.0.1 must not read the drafts: the
/// preview answers only requests addressed to a loopback name.
#[test]
fn serve_answers_only_requests_addressed_to_the_loopback_interface() {
    let project = Project::new();
    let server = Server::start(&project);
    let port = server.address.rsplit(':').next().expect("port").to_string();
    for host in [server.address.clone(), format!("localhost:{port}")] {
        let reply = server.get_as(DOCUMENT, &host);
        assert_eq!(reply.status, 200, "Host: {host}");
    }
    let reply = server.get_as(DOCUMENT, &format!("evil.example:{port}"));
    assert_eq!(reply.status, 421, "{}", reply.head);
    assert!(!reply.body.contains("Kế hoạch"), "no draft in the reply");
}
