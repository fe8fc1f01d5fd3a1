//! Precompressed `.gz` and `.br` copies of every text file, for servers that serve them
//! as they are (nginx `gzip_static`, `brotli_static`).

/// True for files worth compressing.
pub fn is_text(path: &str) -> bool {
    [
        ".html", ".css", ".js", ".xml", ".json", ".csv", ".txt", ".svg",
    ]
    .iter()
    .any(|extension| path.ends_with(extension))
}

/// Which compressed copies a file gets.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Copies {
    /// `.gz` and `.br`: what browsers fetch most (the portal's own pages, styles, scripts).
    GzipAndBrotli,
    /// `.gz` only: the open-data descriptions (`datapackage.json`, the schemas), fetched by
    /// programs that all accept gzip (the open-data tables themselves are written compressed,
    /// `.csv.gz`, `.json.gz`, and get no copy); and the pages of documents and appendices,
    /// nearly every page of a national portal, which every browser accepts gzipped: a brotli
    /// copy of each would add a third file per page for a tenth fewer bytes on the wire. The
    /// search index's files too, for the same reason: at 10.000 pages they are 5.800 files.
    Gzip,
    /// None: not a text file.
    None,
}

impl Copies {
    /// The extensions of the copies, as added to the file's name.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            Copies::GzipAndBrotli => &["gz", "br"],
            Copies::Gzip => &["gz"],
            Copies::None => &[],
        }
    }
}

/// The compressed copies for the output file at `path`.
pub fn copies_for(path: &str) -> Copies {
    if !is_text(path) {
        Copies::None
    } else if path
        .strip_prefix(crate::urls::OPEN_DATA_FOLDER)
        .is_some_and(|rest| rest.starts_with('/'))
        && (path.ends_with(".csv") || path.ends_with(".json"))
        || path.starts_with("van-ban/") && path.ends_with(".html")
        || path.starts_with(crate::urls::SEARCH_INDEX)
    {
        Copies::Gzip
    } else {
        Copies::GzipAndBrotli
    }
}

thread_local! {
    /// One libdeflate compressor per thread: making one allocates and clears its tables, which
    /// cost as much as compressing a small page.
    static GZIP: std::cell::RefCell<Option<libdeflater::Compressor>> =
        const { std::cell::RefCell::new(None) };
}

/// The gzip level of every compressed copy.
pub const GZIP_LEVEL: u32 = 6;

/// gzip at level 6 with libdeflate: the size of zlib's level 6 or better, in a fraction
/// of the time.
pub fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    GZIP.with(|cell| {
        let mut slot = cell.borrow_mut();
        let compressor = match slot.as_mut() {
            Some(compressor) => compressor,
            None => {
                let level = libdeflater::CompressionLvl::new(GZIP_LEVEL as i32)
                    .map_err(|e| std::io::Error::other(format!("{e:?}")))?;
                slot.insert(libdeflater::Compressor::new(level))
            }
        };
        let mut output = vec![0; compressor.gzip_compress_bound(bytes.len())];
        let written = compressor
            .gzip_compress(bytes, &mut output)
            .map_err(|e| std::io::Error::other(e.to_string()))?;
        output.truncate(written);
        Ok(output)
    })
}

/// A brotli writer at the quality of [`brotli`] with the largest window, for files written
/// piece by piece.
pub fn brotli_writer<W: std::io::Write>(inner: W) -> brotli::CompressorWriter<W> {
    brotli::CompressorWriter::new(inner, 64 * 1024, BROTLI_QUALITY, 22)
}

/// The brotli quality of every compressed copy.
const BROTLI_QUALITY: u32 = 4;

/// The brotli window for `len` bytes: just large enough to hold them (2^16 to 2^22 bytes), so
/// that a small page does not allocate and clear the tables of a 4 MiB window.
fn brotli_window(len: usize) -> i32 {
    let bits = usize::BITS - len.max(1).leading_zeros();
    bits.clamp(16, 22) as i32
}

/// Brotli at quality 4 with a window sized to the file (at most 4 MiB): smaller than gzip at a
/// fraction of the time of the highest qualities, whose large match finders dominated the
/// build.
pub fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: BROTLI_QUALITY as i32,
        lgwin: brotli_window(bytes.len()),
        size_hint: bytes.len(),
        ..Default::default()
    };
    let mut output = Vec::with_capacity(bytes.len() / 4 + 64);
    brotli::BrotliCompress(&mut &bytes[..], &mut output, &params)?;
    Ok(output)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn compressed_copies_decompress_to_the_original() {
        let text = "Kế hoạch chuyển đổi số ".repeat(100);
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gzip(text.as_bytes()).unwrap()[..])
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, text);
        let mut back = Vec::new();
        brotli::Decompressor::new(&brotli(text.as_bytes()).unwrap()[..], 4096)
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, text.as_bytes());
        assert!(is_text("a/index.html") && !is_text("a.png"));
        assert_eq!(copies_for("van-ban/a/index.html"), Copies::Gzip);
        assert_eq!(copies_for("van-ban/a/phu-luc-i/index.html"), Copies::Gzip);
        assert_eq!(copies_for("index.html"), Copies::GzipAndBrotli);
        assert_eq!(copies_for("tinh/a/index.html"), Copies::GzipAndBrotli);
        assert_eq!(copies_for("tim-kiem/chi-muc/t/abc.json"), Copies::Gzip);
        assert_eq!(copies_for("tim-kiem/index.html"), Copies::GzipAndBrotli);
        assert_eq!(copies_for("du-lieu/datapackage.json"), Copies::Gzip);
        assert_eq!(copies_for("du-lieu/du-an.csv.gz"), Copies::None);
        assert_eq!(copies_for("van-ban/a/van-ban.json.gz"), Copies::None);
        assert_eq!(copies_for("assets/logo.png"), Copies::None);
    }

    #[test]
    fn files_larger_than_the_smallest_window_round_trip() {
        assert_eq!(brotli_window(0), 16);
        assert_eq!(brotli_window(100_000), 17);
        assert_eq!(brotli_window(50_000_000), 22);
        let text: String = (0..40_000).map(|i| format!("dòng {i}; ")).collect();
        let mut back = Vec::new();
        brotli::Decompressor::new(&brotli(text.as_bytes()).unwrap()[..], 4096)
            .read_to_end(&mut back)
            .unwrap();
        assert_eq!(back, text.as_bytes());
        let mut back = String::new();
        flate2::read::GzDecoder::new(&gzip(text.as_bytes()).unwrap()[..])
            .read_to_string(&mut back)
            .unwrap();
        assert_eq!(back, text);
    }
}
