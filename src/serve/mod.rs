//! `congkhai serve`: a preview of the site while editing. The site is built in memory (nothing
//! is written to `output/`), served on the loopback interface, rebuilt after each save, and
//! every open page reloads itself. A content error keeps the last good site up and shows the
//! error in the terminal and over the page.

mod http;
mod preview;
mod route;
mod state;
mod watch;

pub(crate) use preview::{Outcome, Preview, Scope};
#[cfg(test)]
pub(crate) use watch::Change;

use crate::diagnostics::Diagnostic;
use anyhow::{Context as _, Result};
use state::Shared;
use std::net::{IpAddr, SocketAddr};
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc;

/// What to preview and where.
#[derive(Debug, Clone)]
pub struct ServeOptions {
    /// The content folder.
    pub content: PathBuf,
    /// The theme folder.
    pub theme: PathBuf,
    /// The address to listen on (loopback unless the user asked otherwise).
    pub bind: IpAddr,
    /// The port; 0 lets the system choose a free one.
    pub port: u16,
    /// Open the home page in the browser once the server is up.
    pub open: bool,
}

enum Event {
    Files(Vec<PathBuf>),
    Stop,
}

fn print_errors(errors: &[Diagnostic]) {
    for error in errors {
        eprintln!("{error}");
    }
}

/// Runs the preview until Ctrl-C.
pub fn serve(options: &ServeOptions) -> Result<()> {
    let roots = watch::Roots::new(&options.content, &options.theme)?;
    let server = tiny_http::Server::http(SocketAddr::new(options.bind, options.port))
        .map_err(|e| anyhow::anyhow!("{e}"))
        .with_context(|| {
            format!(
                "không mở được cổng {} trên {} (cổng đang bận? thử --port khác hoặc --port 0)",
                options.port, options.bind
            )
        })?;
    let address = server
        .server_addr()
        .to_ip()
        .context("máy chủ không có địa chỉ IP")?;
    let url = format!("http://{address}/");
    let (mut preview, first) = Preview::new(&options.content, &options.theme, &url);
    print_errors(&first.errors);
    let shared = Arc::new(Shared::new(preview.pages(), &first.errors));

    let (sender, events) = mpsc::channel();
    let stop = sender.clone();
    ctrlc::set_handler(move || {
        let _ = stop.send(Event::Stop);
    })
    .context("không đặt được xử lý Ctrl-C")?;
    let (files_sender, files) = mpsc::channel();
    let _watcher = watch::watch(&options.content, &options.theme, files_sender)?;
    std::thread::spawn(move || {
        for paths in files {
            if sender.send(Event::Files(paths)).is_err() {
                break;
            }
        }
    });

    let server = Arc::new(server);
    let listener = Arc::clone(&server);
    let serving = Arc::clone(&shared);
    let loopback_only = options.bind.is_loopback();
    std::thread::spawn(move || {
        for request in listener.incoming_requests() {
            let shared = Arc::clone(&serving);
            std::thread::spawn(move || http::handle(request, &shared, loopback_only));
        }
    });

    if !options.bind.is_loopback() {
        eprintln!(
            "cảnh báo: máy chủ xem trước mở trên {} — máy khác trong mạng cũng xem được",
            options.bind
        );
    }
    println!(
        "Xem trước tại {url} ({} trang, {} cảnh báo, {} ms). Theo dõi {} và {}. Nhấn Ctrl-C để dừng.",
        crate::vietnamese::format_count(
            preview
                .pages()
                .keys()
                .filter(|p| p.ends_with(".html"))
                .count()
        ),
        crate::vietnamese::format_count(preview.warnings().len()),
        crate::vietnamese::format_count(first.elapsed.as_millis() as usize),
        options.content.display(),
        options.theme.display()
    );
    if options.open
        && let Err(error) = opener::open_browser(&url)
    {
        eprintln!("không mở được trình duyệt: {error}");
    }

    while let Ok(event) = events.recv() {
        match event {
            Event::Stop => break,
            Event::Files(mut paths) => {
                // Everything saved meanwhile goes into one rebuild; a stop comes first.
                let mut stop = false;
                while let Ok(more) = events.try_recv() {
                    match more {
                        Event::Files(more) => paths.extend(more),
                        Event::Stop => stop = true,
                    }
                }
                if stop {
                    break;
                }
                let mut quick = false;
                for change in roots.classify(&paths) {
                    let outcome = preview.apply(&change);
                    report(&outcome);
                    quick |= outcome.errors.is_empty()
                        && matches!(outcome.scope, Scope::Section | Scope::Appendix);
                    let pages = outcome.changed.then(|| preview.pages());
                    shared.update(pages, &outcome.errors);
                }
                // The open pages have reloaded; the files that depend on every document
                // (open data, search index) and the link check catch up behind them.
                if quick {
                    let outcome = preview.catch_up();
                    if outcome.errors.is_empty() {
                        shared.replace_pages(preview.pages());
                    } else {
                        // The quick page is withdrawn: the pages from before it are served
                        // again, and open pages reload to them.
                        report(&outcome);
                        shared.update(outcome.changed.then(|| preview.pages()), &outcome.errors);
                    }
                }
            }
        }
    }
    server.unblock();
    println!("Đã dừng máy chủ xem trước.");
    Ok(())
}

fn report(outcome: &Outcome) {
    if outcome.errors.is_empty() {
        println!(
            "Đã dựng lại {} trong {} ms",
            outcome.scope.label(),
            crate::vietnamese::format_count(outcome.elapsed.as_millis() as usize)
        );
    } else {
        print_errors(&outcome.errors);
        eprintln!(
            "Không dựng lại được ({} lỗi): vẫn phục vụ bản dựng tốt gần nhất. Sửa tệp rồi lưu lại.",
            crate::vietnamese::format_count(outcome.errors.len())
        );
    }
}
