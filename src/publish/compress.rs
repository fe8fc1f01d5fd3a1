//! Precompressed `.gz` and `.br` copies of every text file, for servers that serve them
//! as they are (nginx `gzip_static`, `brotli_static`).

use std::io::Write;

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
    /// `.gz` and `.br`: what browsers fetch (pages, styles, scripts, the search index).
    GzipAndBrotli,
    /// `.gz` only: open-data downloads, fetched by programs that all accept gzip; brotli would
    /// add much time on the largest files for a few per cent.
    Gzip,
    /// None: not a text file.
    None,
}

/// The compressed copies for the output file at `path`.
pub fn copies_for(path: &str) -> Copies {
    if !is_text(path) {
        Copies::None
    } else if path
        .strip_prefix(crate::open_data::FOLDER)
        .is_some_and(|rest| rest.starts_with('/'))
        && (path.ends_with(".csv") || path.ends_with(".json"))
        || path.ends_with("/van-ban.json")
    {
        Copies::Gzip
    } else {
        Copies::GzipAndBrotli
    }
}

/// gzip at level 6 with libdeflate: the size of zlib's level 6 or better, in a fraction
/// of the time.
pub fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let level =
        libdeflater::CompressionLvl::new(6).map_err(|e| std::io::Error::other(format!("{e:?}")))?;
    let mut compressor = libdeflater::Compressor::new(level);
    let mut output = vec![0; compressor.gzip_compress_bound(bytes.len())];
    let written = compressor
        .gzip_compress(bytes, &mut output)
        .map_err(|e| std::io::Error::other(e.to_string()))?;
    output.truncate(written);
    Ok(output)
}

/// Brotli at quality 4 with a 4 MiB window: smaller than gzip at a fraction of the time of
/// the highest qualities, whose large match finders dominated the build.
pub fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut output = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut output, 4096, 4, 22);
        writer.write_all(bytes)?;
    }
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
        assert_eq!(copies_for("van-ban/a/index.html"), Copies::GzipAndBrotli);
        assert_eq!(
            copies_for("tim-kiem/chi-muc/t/abc.json"),
            Copies::GzipAndBrotli
        );
        assert_eq!(copies_for("du-lieu/du-an.csv"), Copies::Gzip);
        assert_eq!(copies_for("van-ban/a/van-ban.json"), Copies::Gzip);
        assert_eq!(copies_for("assets/logo.png"), Copies::None);
    }
}
