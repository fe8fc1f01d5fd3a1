//! What the server shares between the rebuilding thread and the request threads: the last
//! good pages, the errors of the last rebuild, and a version that browsers wait on.

use super::preview::Pages;
use crate::diagnostics::Diagnostic;
use serde::Serialize;
use std::sync::{Arc, Condvar, Mutex, MutexGuard};
use std::time::Duration;

/// The state as a browser sees it.
#[derive(Debug, Clone, Serialize)]
pub struct Status {
    /// Changes on every rebuild, good or bad.
    pub version: u64,
    /// Changes only when the served pages changed.
    pub site: u64,
    /// Errors of the last rebuild: the pages are the last good ones while this is not empty.
    pub errors: Vec<ErrorView>,
}

/// One error as the browser overlay shows it.
#[derive(Debug, Clone, Serialize)]
pub struct ErrorView {
    /// `file:line:column`.
    pub place: String,
    /// What is wrong.
    pub message: String,
    /// How to fix it.
    pub help: Option<String>,
}

impl From<&Diagnostic> for ErrorView {
    fn from(diagnostic: &Diagnostic) -> Self {
        ErrorView {
            place: diagnostic.place.to_string(),
            message: diagnostic.message.clone(),
            help: diagnostic.help.clone(),
        }
    }
}

struct Inner {
    pages: Arc<Pages>,
    status: Status,
}

/// The shared state.
pub struct Shared {
    inner: Mutex<Inner>,
    changed: Condvar,
}

impl Shared {
    /// The state after the first build.
    pub fn new(pages: Arc<Pages>, errors: &[Diagnostic]) -> Self {
        Shared {
            inner: Mutex::new(Inner {
                pages,
                status: Status {
                    version: 1,
                    site: 1,
                    errors: errors.iter().map(ErrorView::from).collect(),
                },
            }),
            changed: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, Inner> {
        // A panicking request thread must not stop the preview: the data stays consistent
        // because every update replaces whole values.
        self.inner.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// The pages being served.
    pub fn pages(&self) -> Arc<Pages> {
        Arc::clone(&self.lock().pages)
    }

    /// The status now.
    pub fn status(&self) -> Status {
        self.lock().status.clone()
    }

    /// Records a rebuild: new pages when it succeeded, its errors otherwise; wakes waiters.
    pub fn update(&self, pages: Option<Arc<Pages>>, errors: &[Diagnostic]) {
        let mut inner = self.lock();
        inner.status.version += 1;
        if let Some(pages) = pages {
            inner.pages = pages;
            inner.status.site += 1;
        }
        inner.status.errors = errors.iter().map(ErrorView::from).collect();
        drop(inner);
        self.changed.notify_all();
    }

    /// Serves `pages` from now on without telling the open pages to reload: the same pages
    /// as before, with the files that depend on every document brought up to date.
    pub fn replace_pages(&self, pages: Arc<Pages>) {
        self.lock().pages = pages;
    }

    /// Waits until the version differs from `since` or `timeout` passes; returns the status.
    pub fn wait(&self, since: u64, timeout: Duration) -> Status {
        let inner = self.lock();
        let (inner, _) = self
            .changed
            .wait_timeout_while(inner, timeout, |i| i.status.version == since)
            .unwrap_or_else(|e| e.into_inner());
        inner.status.clone()
    }
}
