//! What a build takes over from the previous build's output: a file whose bytes have not
//! changed keeps its compressed copies, which are linked instead of made again, and its
//! modification time, so that `rsync` and HTTP caches see an unchanged page as unchanged.
//! Anything amiss (no previous file, another size or content, a copy missing, a link refused)
//! falls back to writing and compressing afresh.

use crate::publish::compress::Copies;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

/// True when `path` is a regular file (not a link) of `len` bytes, or of any size.
fn is_file_of_len(path: &Path, len: Option<u64>) -> bool {
    fs::symlink_metadata(path).is_ok_and(|m| m.is_file() && len.is_none_or(|len| m.len() == len))
}

/// True when the previous build's file and each of its compressed copies are there.
fn has_copies(previous: &Path, len: Option<u64>, copies: Copies) -> bool {
    is_file_of_len(previous, len)
        && copies
            .extensions()
            .iter()
            .all(|extension| is_file_of_len(&super::sibling(previous, extension), None))
}

/// Hard-links (or, across file systems, copies) each `from` to its `to`; on any failure
/// removes what it made and says false.
fn link_all(pairs: &[(PathBuf, PathBuf)]) -> bool {
    let linked = pairs.iter().all(|(from, to)| {
        fs::hard_link(from, to)
            .or_else(|_| fs::copy(from, to).map(|_| ()))
            .is_ok()
    });
    if !linked {
        for (_, to) in pairs {
            let _ = fs::remove_file(to);
        }
    }
    linked
}

/// The pairs (previous copy, new copy) of a file's compressed copies.
fn copy_pairs(previous: &Path, target: &Path, copies: Copies) -> Vec<(PathBuf, PathBuf)> {
    copies
        .extensions()
        .iter()
        .map(|extension| {
            (
                super::sibling(previous, extension),
                super::sibling(target, extension),
            )
        })
        .collect()
}

/// Links the `previous` build's file and its compressed copies to `target` when that file
/// holds exactly `bytes`, and says whether it did.
pub(super) fn reuse(previous: &Path, target: &Path, bytes: &[u8], copies: Copies) -> bool {
    if !has_copies(previous, Some(bytes.len() as u64), copies)
        || fs::read(previous).map_or(true, |old| old != bytes)
    {
        return false;
    }
    let mut pairs = copy_pairs(previous, target, copies);
    pairs.push((previous.to_path_buf(), target.to_path_buf()));
    link_all(&pairs)
}

/// A file being written piece by piece, compared as it goes with the previous build's file
/// of the same path.
pub(super) struct Comparison {
    previous: PathBuf,
    reader: io::BufReader<fs::File>,
    matched: u64,
    buffer: Vec<u8>,
}

impl Comparison {
    /// Starts comparing with the `previous` build's file, when it is there with all its
    /// compressed copies.
    pub(super) fn start(previous: &Path, copies: Copies) -> Option<Comparison> {
        if !has_copies(previous, None, copies) {
            return None;
        }
        let file = fs::File::open(previous).ok()?;
        Some(Comparison {
            previous: previous.to_path_buf(),
            reader: io::BufReader::with_capacity(256 * 1024, file),
            matched: 0,
            buffer: Vec::new(),
        })
    }

    /// Compares the next piece written; true while everything written so far is the same.
    pub(super) fn same(&mut self, piece: &[u8]) -> bool {
        self.buffer.resize(piece.len(), 0);
        let same = self.reader.read_exact(&mut self.buffer).is_ok() && self.buffer == piece;
        if same {
            self.matched += piece.len() as u64;
        }
        same
    }

    /// The bytes written before the first difference, read again from the previous file.
    pub(super) fn matched_prefix(&self) -> io::Result<impl Read> {
        Ok(fs::File::open(&self.previous)?.take(self.matched))
    }

    /// Once everything is written and was the same: whether the previous file ended there
    /// too, and then links its compressed copies beside `target` and gives `target` the
    /// previous file's modification time. False when they must be made afresh.
    pub(super) fn finish(mut self, target: &fs::File, target_path: &Path, copies: Copies) -> bool {
        let mut probe = [0u8; 1];
        if !matches!(self.reader.read(&mut probe), Ok(0)) {
            return false;
        }
        if !link_all(&copy_pairs(&self.previous, target_path, copies)) {
            return false;
        }
        if let Ok(modified) = fs::metadata(&self.previous).and_then(|m| m.modified()) {
            let _ = target.set_modified(modified);
        }
        true
    }
}
