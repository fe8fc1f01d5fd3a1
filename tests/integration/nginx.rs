//! The portal built for a sub-path, served by Debian's nginx with docs/nginx/congkhai.conf:
//! status codes, content types, charset, precompressed responses, caching, the 404 page,
//! and no link that leaves the sub-path.

use crate::common;
use common::{Project, printed, repo};
use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const NGINX: &str = "/usr/sbin/nginx";
const BROTLI_MODULE: &str = "/usr/lib/nginx/modules/ngx_http_brotli_static_module.so";

struct Response {
    status: u16,
    headers: HashMap<String, String>,
    body: Vec<u8>,
}

fn get(port: u16, path: &str, encoding: Option<&str>) -> Response {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).expect("connect to nginx");
    stream
        .set_read_timeout(Some(Duration::from_secs(10)))
        .expect("timeout");
    let accept = encoding
        .map(|e| format!("Accept-Encoding: {e}\r\n"))
        .unwrap_or_default();
    write!(
        stream,
        "GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n{accept}\r\n"
    )
    .expect("request");
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw).expect("response");
    let split = raw
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .expect("headers end");
    let head = String::from_utf8_lossy(&raw[..split]).to_string();
    let mut lines = head.lines();
    let status = lines
        .next()
        .and_then(|l| l.split_whitespace().nth(1))
        .and_then(|s| s.parse().ok())
        .expect("status line");
    let headers = lines
        .filter_map(|l| l.split_once(':'))
        .map(|(k, v)| (k.trim().to_ascii_lowercase(), v.trim().to_string()))
        .collect();
    Response {
        status,
        headers,
        body: raw[split + 4..].to_vec(),
    }
}

struct Nginx(Child);

impl Drop for Nginx {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn start_nginx(dir: &std::path::Path, www: &std::path::Path, port: u16) -> Nginx {
    assert!(
        std::path::Path::new(NGINX).exists(),
        "nginx is required: apt-get install nginx libnginx-mod-http-brotli-static (scripts/test.sh does)"
    );
    assert!(
        std::path::Path::new(BROTLI_MODULE).exists(),
        "nginx's brotli module is required: apt-get install libnginx-mod-http-brotli-static"
    );
    let site = std::fs::read_to_string(repo().join("docs/nginx/congkhai.conf")).expect("config");
    assert!(site.contains("listen 80;") && site.contains("root /var/www;"));
    let site = site
        .replace("listen 80;", &format!("listen 127.0.0.1:{port};"))
        .replace("root /var/www;", &format!("root {};", www.display()));
    std::fs::write(dir.join("site.conf"), site).expect("write site");
    let tmp = dir.display();
    let main = format!(
        "load_module {BROTLI_MODULE};\ndaemon off;\nmaster_process off;\nworker_processes 1;\npid {tmp}/nginx.pid;\nerror_log {tmp}/error.log;\nevents {{ worker_connections 64; }}\nhttp {{\naccess_log off;\nclient_body_temp_path {tmp}/body;\nproxy_temp_path {tmp}/proxy;\nfastcgi_temp_path {tmp}/fastcgi;\nuwsgi_temp_path {tmp}/uwsgi;\nscgi_temp_path {tmp}/scgi;\ninclude {tmp}/site.conf;\n}}\n"
    );
    std::fs::write(dir.join("nginx.conf"), main).expect("write conf");
    let child = Command::new(NGINX)
        .args([
            "-p",
            &format!("{tmp}/"),
            "-e",
            &format!("{tmp}/error.log"),
            "-c",
        ])
        .arg(dir.join("nginx.conf"))
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start nginx");
    let started = Instant::now();
    while TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "nginx did not start: {}",
            std::fs::read_to_string(dir.join("error.log")).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Nginx(child)
}

#[test]
#[ignore = "needs nginx and its brotli module; scripts/test.sh installs them and runs it"]
fn nginx_serves_the_portal_under_a_sub_path() {
    let project = Project::new();
    let port = TcpListener::bind("127.0.0.1:0")
        .expect("free port")
        .local_addr()
        .expect("addr")
        .port();
    let base = format!("http://127.0.0.1:{port}/cong-khai/");
    let www = project.path().join("www");
    let output = project.run(&["build", "--base-url", &base, "--output", "www/cong-khai"]);
    assert!(output.status.success(), "{}", printed(&output));
    let _nginx = start_nginx(project.path(), &www, port);

    let home = get(port, "/cong-khai/", None);
    assert_eq!(home.status, 200);
    assert_eq!(home.headers["content-type"], "text/html; charset=utf-8");
    assert!(home.headers["content-security-policy"].contains("script-src 'self'"));
    let html = String::from_utf8(home.body).expect("utf-8 page");
    assert!(html.contains("Cổng thử nghiệm"));
    let links: Vec<&str> = html
        .split(['"', ' ', '>'])
        .filter_map(|part| {
            part.strip_prefix("href=")
                .or_else(|| part.strip_prefix("src="))
        })
        .collect();
    assert!(!links.is_empty());
    for link in links.iter().filter(|l| l.starts_with('/')) {
        assert!(
            link.starts_with("/cong-khai/"),
            "link leaves the sub-path: {link}"
        );
    }

    // The portal's own pages have a brotli copy; a document's or an appendix's page a gzip
    // one only (src/publish/compress.rs).
    let brotli = get(port, "/cong-khai/", Some("br"));
    assert_eq!(brotli.status, 200);
    assert_eq!(
        brotli.headers.get("content-encoding").map(String::as_str),
        Some("br")
    );
    assert_eq!(brotli.headers["content-type"], "text/html; charset=utf-8");
    let page = "/cong-khai/van-ban/kh-1-2020/phu-luc-i/";
    let gzip = get(port, page, Some("br, gzip"));
    assert_eq!(
        gzip.headers.get("content-encoding").map(String::as_str),
        Some("gzip")
    );
    let mut unzipped = String::new();
    flate2::read::GzDecoder::new(&gzip.body[..])
        .read_to_string(&mut unzipped)
        .expect("gzip body");
    assert!(unzipped.contains("1.747.201,5"));

    let css = links
        .iter()
        .find(|l| l.ends_with(".css"))
        .expect("stylesheet link");
    let asset = get(port, css, Some("gzip"));
    assert_eq!(asset.status, 200);
    assert_eq!(asset.headers["content-type"], "text/css; charset=utf-8");
    assert!(asset.headers["cache-control"].contains("immutable"));

    let feed = get(port, "/cong-khai/feed.xml", None);
    assert_eq!(feed.status, 200);
    assert_eq!(
        feed.headers["content-type"],
        "application/atom+xml; charset=utf-8"
    );
    assert!(String::from_utf8_lossy(&feed.body).contains(&format!("{base}van-ban/kh-1-2020/")));
    let sitemap = get(port, "/cong-khai/sitemap.xml", None);
    assert_eq!(sitemap.status, 200);
    assert_eq!(
        sitemap.headers["content-type"],
        "application/xml; charset=utf-8"
    );
    assert_eq!(
        get(port, "/cong-khai/robots.txt", None).headers["content-type"],
        "text/plain; charset=utf-8"
    );

    let missing = get(port, "/cong-khai/khong-co-trang-nay/", None);
    assert_eq!(missing.status, 404);
    assert!(String::from_utf8_lossy(&missing.body).contains("Không tìm thấy trang"));
}
