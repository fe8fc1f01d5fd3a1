//! What every kind of output (pages, search, open data, publishing) writes into: a file of
//! the built site, and the sinks that receive them (a build's staging folder, or memory for
//! `serve`).

use anyhow::{Result, anyhow};
use std::path::PathBuf;

/// One file of the built site.
#[derive(Debug, Clone)]
pub struct Output {
    /// Path relative to the output folder, with `/` separators, e.g. `van-ban/x/index.html`.
    pub path: String,
    /// The file's bytes.
    pub bytes: Vec<u8>,
}

/// A file written piece by piece: the open-data tables, too large at national scale to be
/// held whole in memory.
pub trait Stream: std::io::Write + Send {
    /// Ends the file once all of it was written.
    fn close(self: Box<Self>) -> Result<()>;
}

/// Where rendered files go: a build's staging folder, or a list in memory (`serve`).
pub trait Sink: Sync {
    /// Takes one file of the site.
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()>;

    /// Opens a file of the site to be written piece by piece (not an HTML page: pages are
    /// minified whole).
    fn stream<'a>(&'a self, path: &str) -> Result<Box<dyn Stream + 'a>>;

    /// A folder for scratch files that would not fit in memory, on the same disk as the
    /// output; none when everything stays in memory.
    fn scratch(&self) -> Option<PathBuf> {
        None
    }
}

/// A file kept in memory until it is closed.
struct MemoryStream<'a> {
    path: String,
    bytes: Vec<u8>,
    sink: &'a InMemory,
}

impl std::io::Write for MemoryStream<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.bytes.extend_from_slice(buf);
        Ok(buf.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Stream for MemoryStream<'_> {
    fn close(self: Box<Self>) -> Result<()> {
        self.sink.put(&self.path, &self.bytes)
    }
}

/// Keeps every file in memory (`serve`, tests).
#[derive(Default)]
pub struct InMemory(std::sync::Mutex<Vec<Output>>);

impl Sink for InMemory {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        self.0
            .lock()
            .map_err(|_| anyhow!("a rendering thread failed"))?
            .push(Output {
                path: path.to_string(),
                bytes: bytes.to_vec(),
            });
        Ok(())
    }

    fn stream<'a>(&'a self, path: &str) -> Result<Box<dyn Stream + 'a>> {
        Ok(Box::new(MemoryStream {
            path: path.to_string(),
            bytes: Vec::new(),
            sink: self,
        }))
    }
}

impl InMemory {
    /// Every file put, in path order.
    pub fn into_sorted(self) -> Result<Vec<Output>> {
        let mut outputs = self
            .0
            .into_inner()
            .map_err(|_| anyhow!("a rendering thread failed"))?;
        outputs.sort_by(|a, b| a.path.cmp(&b.path));
        Ok(outputs)
    }
}
