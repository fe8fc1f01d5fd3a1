//! Stage four: write every output into a staging folder beside `output/`, minify HTML,
//! and swap the staging folder into place only when everything was written.
//! A build that fails or is killed halfway leaves the previous `output/` as it was.
//!
//! Builds on the same output take turns: each holds an exclusive lock on `.congkhai-<output>.lock`
//! beside the output folder while it writes and swaps, so two builds started at once
//! cannot mix their files. The lock also lets a build tidy what a killed build left behind:
//! stale staging folders are removed, and an output folder moved aside but never replaced
//! is put back.

mod previous;

use crate::output::{Sink, Stream};
use crate::publish::compress;
use anyhow::{Context, Result, anyhow};
use std::fs;
use std::io::{self, Write};
use std::path::{Component, Path, PathBuf};

/// Minifies an HTML page; keeps it as it is if minification fails.
fn minify(html: &[u8]) -> Vec<u8> {
    let cfg = minify_html::Cfg {
        keep_closing_tags: true,
        keep_html_and_head_opening_tags: true,
        ..minify_html::Cfg::default()
    };
    minify_html::minify(html, &cfg)
}

/// `page.html` → `page.html.gz`.
fn sibling(path: &Path, extension: &str) -> PathBuf {
    let mut name = path.as_os_str().to_os_string();
    name.push(".");
    name.push(extension);
    PathBuf::from(name)
}

/// Refuses paths that could leave the output folder.
fn safe_relative(path: &str) -> Result<PathBuf> {
    let relative = Path::new(path);
    let ok = !path.is_empty()
        && !path.contains('\\')
        && relative
            .components()
            .all(|c| matches!(c, Component::Normal(_)));
    if ok {
        Ok(relative.to_path_buf())
    } else {
        Err(anyhow!("đường dẫn đầu ra không an toàn: {path}"))
    }
}

/// A build's staging folder beside the output folder, under the build lock. Files are put
/// into it one at a time, from any thread; [`Staging::commit`] swaps it into place. Dropped
/// without a commit (a failed build), it is removed and the previous output stays.
#[derive(Debug)]
pub struct Staging {
    dir: PathBuf,
    output_dir: PathBuf,
    parent: PathBuf,
    name: String,
    pid: u32,
    committed: bool,
    progress: indicatif::ProgressBar,
    _lock: fs::File,
}

impl Staging {
    /// Refuses an `output_dir` that holds what congkhai did not write, takes its build lock,
    /// tidies what killed builds left, and makes an empty staging folder.
    pub fn begin(output_dir: &Path) -> Result<Staging> {
        ensure_replaceable(output_dir)?;
        let parent = match output_dir.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        fs::create_dir_all(&parent)
            .with_context(|| format!("không tạo được {}", parent.display()))?;
        let name = output_dir
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "output".to_string());
        let lock_path = parent.join(format!(".congkhai-{name}.lock"));
        let lock = fs::File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .with_context(|| format!("không tạo được tệp khóa {}", lock_path.display()))?;
        lock.lock()
            .with_context(|| format!("không khóa được {}", lock_path.display()))?;
        recover(output_dir, &parent, &name)?;
        let pid = std::process::id();
        let dir = parent.join(format!(".{name}.staging-{pid}"));
        if dir.exists() {
            fs::remove_dir_all(&dir)?;
        }
        fs::create_dir_all(&dir).with_context(|| format!("không tạo được {}", dir.display()))?;
        Ok(Staging {
            dir,
            output_dir: output_dir.to_path_buf(),
            parent,
            name,
            pid,
            committed: false,
            progress: indicatif::ProgressBar::hidden(),
            _lock: lock,
        })
    }

    /// Shows a running count of files written when about `expected` files are coming (on a
    /// terminal, for long builds only).
    pub fn show_progress(&mut self, expected: usize) {
        self.progress = progress_bar(expected);
    }

    /// Writes one file (minified when HTML) and its compressed copies.
    pub fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        let relative = safe_relative(path)?;
        let target = self.dir.join(&relative);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir)?;
        }
        let minified;
        let bytes = if path.ends_with(".html") {
            minified = minify(bytes);
            &minified
        } else {
            bytes
        };
        let copies = compress::copies_for(path);
        if previous::reuse(&self.output_dir.join(&relative), &target, bytes, copies) {
            self.progress.inc(1);
            return Ok(());
        }
        match copies {
            compress::Copies::GzipAndBrotli => {
                fs::write(sibling(&target, "gz"), compress::gzip(bytes)?)?;
                fs::write(sibling(&target, "br"), compress::brotli(bytes)?)?;
            }
            compress::Copies::Gzip => fs::write(sibling(&target, "gz"), compress::gzip(bytes)?)?,
            compress::Copies::None => {}
        }
        fs::write(&target, bytes)
            .with_context(|| format!("không ghi được {}", target.display()))?;
        self.progress.inc(1);
        Ok(())
    }

    /// The folder that holds the output folder: scratch files go there, on the same disk as
    /// the output and outside what is published.
    pub fn scratch(&self) -> &Path {
        &self.parent
    }

    /// Opens a file of the staging folder to be written piece by piece, with its compressed
    /// copies made as it goes (or, while it matches the previous build's file, linked from
    /// that build once it is whole). HTML pages are refused: they are minified whole, by
    /// [`Staging::put`].
    pub fn stream(&self, path: &str) -> Result<StagedStream<'_>> {
        if path.ends_with(".html") {
            return Err(anyhow!("một trang HTML phải được ghi trọn một lần: {path}"));
        }
        let relative = safe_relative(path)?;
        let target = self.dir.join(&relative);
        if let Some(dir) = target.parent() {
            fs::create_dir_all(dir)?;
        }
        let copies = compress::copies_for(path);
        let comparison = previous::Comparison::start(&self.output_dir.join(&relative), copies);
        let compressors = if comparison.is_some() {
            Compressors::default()
        } else {
            Compressors::open(&target, copies)?
        };
        Ok(StagedStream {
            file: buffered_file(&target)?,
            target,
            copies,
            compressors,
            comparison,
            staging: self,
        })
    }

    /// Swaps the staging folder into place of the output folder.
    pub fn commit(mut self) -> Result<()> {
        self.progress.finish_and_clear();
        swap(
            &self.dir,
            &self.output_dir,
            &self.parent,
            &self.name,
            self.pid,
        )?;
        self.committed = true;
        Ok(())
    }
}

/// Bytes buffered before a streamed file is written to disk.
const STREAM_BUFFER: usize = 256 * 1024;

/// Creates a file of the staging folder, buffered.
fn buffered_file(path: &Path) -> Result<io::BufWriter<fs::File>> {
    let file =
        fs::File::create(path).with_context(|| format!("không ghi được {}", path.display()))?;
    Ok(io::BufWriter::with_capacity(STREAM_BUFFER, file))
}

/// Bytes handed to the compressors at a time. The pieces a file is written in are gathered
/// into chunks of this size at fixed offsets, so that the compressed copies come out the same
/// whether the file was written in many small pieces or, after a difference from the previous
/// build, partly read back in large ones.
const COMPRESS_CHUNK: usize = 64 * 1024;

/// The compressed copies of a streamed file, made as it is written; none until opened.
#[derive(Default)]
struct Compressors {
    pending: Vec<u8>,
    gzip: Option<flate2::write::GzEncoder<io::BufWriter<fs::File>>>,
    brotli: Option<brotli::CompressorWriter<io::BufWriter<fs::File>>>,
}

impl Compressors {
    /// Creates the compressed copies that `copies` asks for beside `target`.
    fn open(target: &Path, copies: compress::Copies) -> Result<Compressors> {
        let gzip = match copies {
            compress::Copies::None => None,
            _ => Some(flate2::write::GzEncoder::new(
                buffered_file(&sibling(target, "gz"))?,
                flate2::Compression::new(compress::GZIP_LEVEL),
            )),
        };
        let brotli = match copies {
            compress::Copies::GzipAndBrotli => Some(compress::brotli_writer(buffered_file(
                &sibling(target, "br"),
            )?)),
            _ => None,
        };
        Ok(Compressors {
            pending: Vec::with_capacity(COMPRESS_CHUNK),
            gzip,
            brotli,
        })
    }

    /// Hands the gathered bytes to each compressor.
    fn compress_pending(&mut self) -> io::Result<()> {
        if let Some(gzip) = &mut self.gzip {
            gzip.write_all(&self.pending)?;
        }
        if let Some(brotli) = &mut self.brotli {
            brotli.write_all(&self.pending)?;
        }
        self.pending.clear();
        Ok(())
    }

    /// Ends each compressed stream and writes what is left of it.
    fn finish(mut self) -> Result<()> {
        self.compress_pending()?;
        if let Some(gzip) = self.gzip {
            gzip.finish()?.flush()?;
        }
        if let Some(brotli) = self.brotli {
            brotli.into_inner().flush()?;
        }
        Ok(())
    }
}

impl io::Write for Compressors {
    fn write(&mut self, mut buf: &[u8]) -> io::Result<usize> {
        let written = buf.len();
        while !buf.is_empty() {
            let room = COMPRESS_CHUNK - self.pending.len();
            let (now, later) = buf.split_at(room.min(buf.len()));
            self.pending.extend_from_slice(now);
            if self.pending.len() == COMPRESS_CHUNK {
                self.compress_pending()?;
            }
            buf = later;
        }
        Ok(written)
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// A file of the staging folder written piece by piece, and its compressed copies.
pub struct StagedStream<'a> {
    file: io::BufWriter<fs::File>,
    target: PathBuf,
    copies: compress::Copies,
    compressors: Compressors,
    /// While everything written matches the previous build's file: the comparison, and no
    /// compressors yet.
    comparison: Option<previous::Comparison>,
    staging: &'a Staging,
}

impl StagedStream<'_> {
    /// What was written differs from the previous build's file: opens the compressors and
    /// gives them what was written before the difference.
    fn diverge(&mut self) -> io::Result<()> {
        if let Some(comparison) = self.comparison.take() {
            self.compressors =
                Compressors::open(&self.target, self.copies).map_err(io::Error::other)?;
            io::copy(&mut comparison.matched_prefix()?, &mut self.compressors)?;
        }
        Ok(())
    }
}

impl io::Write for StagedStream<'_> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.file.write_all(buf)?;
        if let Some(comparison) = &mut self.comparison {
            if comparison.same(buf) {
                return Ok(buf.len());
            }
            self.diverge()?;
        }
        self.compressors.write_all(buf)?;
        Ok(buf.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        self.file.flush()
    }
}

impl Stream for StagedStream<'_> {
    fn close(self: Box<Self>) -> Result<()> {
        let StagedStream {
            mut file,
            target,
            copies,
            compressors,
            comparison,
            staging,
        } = *self;
        file.flush()?;
        let linked = comparison.map(|c| c.finish(file.get_ref(), &target, copies));
        match linked {
            None => compressors.finish()?,
            Some(true) => {}
            Some(false) => {
                // Written whole and the same up to its end, but the previous file was longer
                // or its copies could not be linked: compress what was written.
                let mut compressors = Compressors::open(&target, copies)?;
                io::copy(&mut fs::File::open(&target)?, &mut compressors)?;
                compressors.finish()?;
            }
        }
        staging.progress.inc(1);
        Ok(())
    }
}

impl Drop for Staging {
    fn drop(&mut self) {
        if !self.committed {
            let _ = fs::remove_dir_all(&self.dir);
        }
    }
}

/// Writes `outputs` into `output_dir` atomically (as far as the file system allows).
#[cfg(feature = "bench-stages")]
pub fn write_site(outputs: &[crate::output::Output], output_dir: &Path) -> Result<()> {
    use rayon::prelude::*;
    let mut staging = Staging::begin(output_dir)?;
    staging.show_progress(outputs.len());
    outputs
        .par_iter()
        .try_for_each(|output| staging.put(&output.path, &output.bytes))?;
    staging.commit()
}

/// The most files a build writes before it shows a progress bar (on a terminal only).
const PROGRESS_THRESHOLD: usize = 2_000;

/// A count of files written on standard error when it is a terminal and the build is long;
/// hidden otherwise.
fn progress_bar(files: usize) -> indicatif::ProgressBar {
    use std::io::IsTerminal;
    if files < PROGRESS_THRESHOLD || !std::io::stderr().is_terminal() {
        return indicatif::ProgressBar::hidden();
    }
    // The pages are known ahead, the search and open-data files only as they are made: a
    // count of files written, not a bar towards a total.
    let bar = indicatif::ProgressBar::new_spinner();
    if let Ok(style) =
        indicatif::ProgressStyle::with_template("{spinner} Đã ghi {files} tệp ({elapsed})")
    {
        bar.set_style(style.with_key(
            "files",
            |state: &indicatif::ProgressState, w: &mut dyn std::fmt::Write| {
                let count =
                    crate::vietnamese::format_number(rust_decimal::Decimal::from(state.pos()));
                let _ = w.write_str(&count);
            },
        ));
    }
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// What every build writes: a folder holding all three was made by congkhai.
const BUILD_SIGNATURE: [&str; 3] = ["index.html", "sitemap.xml", "du-lieu/datapackage.json"];

/// Refuses an output folder that a build must not replace: a build swaps the whole folder,
/// so anything in it that congkhai did not write would be lost (`--output content`, `--output
/// .`, a file). A folder that does not exist yet, an empty one, or one that holds what every
/// build writes ([`BUILD_SIGNATURE`]) can be replaced.
fn ensure_replaceable(output_dir: &Path) -> Result<()> {
    let shown = output_dir.display();
    let metadata = match fs::symlink_metadata(output_dir) {
        Ok(metadata) => metadata,
        Err(error) if error.kind() == io::ErrorKind::NotFound => return Ok(()),
        Err(error) => return Err(error).with_context(|| format!("không đọc được {shown}")),
    };
    if !metadata.is_dir() {
        return Err(anyhow!(
            "{shown} không phải là một thư mục (là một tệp hoặc liên kết); congkhai chỉ thay \
             thư mục do chính nó dựng: chọn --output khác"
        ));
    }
    let empty = fs::read_dir(output_dir)
        .with_context(|| format!("không đọc được {shown}"))?
        .next()
        .is_none();
    if empty || BUILD_SIGNATURE.iter().all(|f| output_dir.join(f).is_file()) {
        return Ok(());
    }
    Err(anyhow!(
        "thư mục đầu ra {shown} có nội dung không phải do congkhai dựng; một lần dựng thay \
         toàn bộ thư mục này nên sẽ xóa nội dung đó. Chọn --output là một thư mục mới (hoặc \
         thư mục đầu ra cũ của congkhai); nếu chắc chắn không cần nội dung đó, tự xóa {shown} \
         rồi dựng lại"
    ))
}

/// `path` made absolute with its symbolic links resolved, as far as it exists (an output
/// folder may not exist yet).
fn resolved(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    loop {
        if let Ok(real) = existing.canonicalize() {
            return rest.iter().rev().fold(real, |path, name| path.join(name));
        }
        match (existing.parent(), existing.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                existing = parent;
            }
            _ => return absolute,
        }
    }
}

/// Refuses an output folder that holds one of the build's input folders (`inputs`: what
/// each is called, and where it is) or lies inside one: a build replaces its whole output
/// folder, so content inside it would be deleted, and output written inside the content
/// would be read back as content by the next build.
pub fn ensure_apart(output_dir: &Path, inputs: &[(&str, &Path)]) -> Result<()> {
    let output = resolved(output_dir);
    for (what, input) in inputs {
        let input_path = resolved(input);
        let (shown_output, shown_input) = (output_dir.display(), input.display());
        if input_path.starts_with(&output) {
            return Err(anyhow!(
                "thư mục {what} {shown_input} nằm trong thư mục đầu ra {shown_output}: mỗi lần \
                 dựng thay toàn bộ thư mục đầu ra nên sẽ xóa mất nó. Chuyển {what} ra ngoài \
                 hoặc chọn --output khác"
            ));
        }
        if output.starts_with(&input_path) {
            return Err(anyhow!(
                "thư mục đầu ra {shown_output} nằm trong thư mục {what} {shown_input}: trang \
                 dựng ra sẽ bị đọc lại như {what} ở lần dựng sau. Chọn --output ở ngoài {shown_input}"
            ));
        }
    }
    Ok(())
}

/// Under the lock: puts back an output folder that a killed build moved aside and never
/// replaced, and removes the staging and old folders that killed builds left.
fn recover(output_dir: &Path, parent: &Path, name: &str) -> Result<()> {
    let staging_prefix = format!(".{name}.staging-");
    let old_prefix = format!(".{name}.old-");
    let mut leftovers = Vec::new();
    for entry in
        fs::read_dir(parent).with_context(|| format!("không đọc được {}", parent.display()))?
    {
        let entry = entry?;
        let file_name = entry.file_name().to_string_lossy().into_owned();
        if file_name.starts_with(&staging_prefix) || file_name.starts_with(&old_prefix) {
            leftovers.push(entry.path());
        }
    }
    leftovers.sort();
    for path in leftovers {
        let is_old = path
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with(&old_prefix));
        if is_old && !output_dir.exists() {
            fs::rename(&path, output_dir)
                .with_context(|| format!("không khôi phục được {}", output_dir.display()))?;
        } else {
            fs::remove_dir_all(&path)
                .with_context(|| format!("không xóa được {}", path.display()))?;
        }
    }
    Ok(())
}

fn swap(staging: &Path, output_dir: &Path, parent: &Path, name: &str, pid: u32) -> Result<()> {
    if output_dir.exists() {
        let old = parent.join(format!(".{name}.old-{pid}"));
        fs::rename(output_dir, &old)
            .with_context(|| format!("không đổi tên được {}", output_dir.display()))?;
        if let Err(error) = fs::rename(staging, output_dir) {
            let _ = fs::rename(&old, output_dir);
            return Err(error).context("không đưa được bản dựng mới vào chỗ");
        }
        fs::remove_dir_all(&old).ok();
    } else {
        fs::rename(staging, output_dir)
            .with_context(|| format!("không tạo được {}", output_dir.display()))?;
    }
    Ok(())
}

impl Sink for Staging {
    fn put(&self, path: &str, bytes: &[u8]) -> Result<()> {
        Staging::put(self, path, bytes)
    }

    fn stream<'a>(&'a self, path: &str) -> Result<Box<dyn Stream + 'a>> {
        Ok(Box::new(Staging::stream(self, path)?))
    }

    fn scratch(&self) -> Option<PathBuf> {
        Some(Staging::scratch(self).to_path_buf())
    }
}

#[cfg(test)]
mod tests {
    use super::safe_relative;

    #[test]
    fn output_paths_cannot_escape() {
        assert!(safe_relative("van-ban/a/index.html").is_ok());
        assert!(safe_relative("../x").is_err());
        assert!(safe_relative("/etc/passwd").is_err());
        assert!(safe_relative("a\\..\\b").is_err());
        assert!(safe_relative("").is_err());
    }
}
