//! Scratch space for what a national build cannot hold in memory: bytes appended to an
//! unnamed file (removed by the system when the build ends, even if it fails) and read back
//! by position, or kept in memory when there is no scratch folder (`serve`, tests).

use anyhow::{Context as _, Result};
use std::fs::File;
use std::io::{BufWriter, Read, Seek, SeekFrom, Write};
use std::path::Path;
use std::sync::Mutex;

/// What a failed write to scratch space says.
pub const SCRATCH_WRITE: &str = "không ghi được tệp tạm cạnh thư mục đầu ra (scratch file); \
                                  kiểm tra chỗ trống trên ổ đĩa";

/// Bytes being appended.
pub enum ScratchWriter {
    /// In an unnamed file.
    File(BufWriter<File>, u64),
    /// In memory.
    Memory(Vec<u8>),
}

impl ScratchWriter {
    /// Appends to an unnamed file in `folder`, or to memory without one.
    pub fn new(folder: Option<&Path>) -> Result<ScratchWriter> {
        Ok(match folder {
            Some(dir) => {
                let file = tempfile::tempfile_in(dir)
                    .with_context(|| format!("không tạo được tệp tạm trong {}", dir.display()))?;
                ScratchWriter::File(BufWriter::with_capacity(1 << 20, file), 0)
            }
            None => ScratchWriter::Memory(Vec::new()),
        })
    }

    /// Appends `bytes`; returns where they start.
    pub fn append(&mut self, bytes: &[u8]) -> Result<u64> {
        match self {
            ScratchWriter::File(writer, len) => {
                let at = *len;
                writer.write_all(bytes).context(SCRATCH_WRITE)?;
                *len += bytes.len() as u64;
                Ok(at)
            }
            ScratchWriter::Memory(memory) => {
                let at = memory.len() as u64;
                memory.extend_from_slice(bytes);
                Ok(at)
            }
        }
    }

    /// Ends the appending; what was written can now be read back.
    pub fn finish(self) -> Result<ScratchReader> {
        Ok(match self {
            ScratchWriter::File(writer, _) => {
                let file = writer
                    .into_inner()
                    .map_err(|e| e.into_error())
                    .context(SCRATCH_WRITE)?;
                ScratchReader::File(Mutex::new(file))
            }
            ScratchWriter::Memory(memory) => ScratchReader::Memory(memory),
        })
    }
}

/// Bytes written by a [`ScratchWriter`], read back by position from any thread.
pub enum ScratchReader {
    /// From an unnamed file.
    File(Mutex<File>),
    /// From memory.
    Memory(Vec<u8>),
}

impl ScratchReader {
    /// The `len` bytes at `at`.
    pub fn read(&self, at: u64, len: usize) -> Result<Vec<u8>> {
        match self {
            ScratchReader::File(file) => {
                let mut file = file
                    .lock()
                    .map_err(|_| anyhow::anyhow!("a thread reading scratch space failed"))?;
                file.seek(SeekFrom::Start(at))?;
                let mut bytes = vec![0; len];
                file.read_exact(&mut bytes)?;
                Ok(bytes)
            }
            ScratchReader::Memory(memory) => {
                let start = usize::try_from(at)?;
                memory
                    .get(start..start + len)
                    .map(<[u8]>::to_vec)
                    .context("scratch space read out of range")
            }
        }
    }
}

/// Writes `text` with its length before it (a text of 4 GiB or more is refused).
pub fn write_text(out: &mut impl Write, text: &str) -> std::io::Result<()> {
    let len = u32::try_from(text.len()).map_err(std::io::Error::other)?;
    out.write_all(&len.to_le_bytes())?;
    out.write_all(text.as_bytes())
}

/// Reads a number written little-endian.
pub fn read_u32(reader: &mut impl Read) -> Result<u32> {
    let mut bytes = [0; 4];
    reader.read_exact(&mut bytes)?;
    Ok(u32::from_le_bytes(bytes))
}

/// Reads a text written by [`write_text`]; `None` at the end of the input.
pub fn read_text(reader: &mut impl Read) -> Result<Option<String>> {
    let mut bytes = [0; 4];
    match reader.read_exact(&mut bytes) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::UnexpectedEof => return Ok(None),
        Err(e) => return Err(e.into()),
    }
    let mut text = vec![0; u32::from_le_bytes(bytes) as usize];
    reader.read_exact(&mut text)?;
    Ok(Some(String::from_utf8(text)?))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bytes_come_back_from_file_and_memory_alike() -> Result<()> {
        let dir = tempfile::tempdir()?;
        for folder in [Some(dir.path()), None] {
            let mut writer = ScratchWriter::new(folder)?;
            let first = writer.append(b"mot")?;
            let second = writer.append("hai ba bốn".as_bytes())?;
            let reader = writer.finish()?;
            assert_eq!(
                reader.read(second, "hai ba bốn".len())?,
                "hai ba bốn".as_bytes()
            );
            assert_eq!(reader.read(first, 3)?, b"mot");
        }
        assert_eq!(
            std::fs::read_dir(dir.path())?.count(),
            0,
            "the file has no name"
        );
        Ok(())
    }

    #[test]
    fn texts_round_trip_and_end_cleanly() -> Result<()> {
        let mut bytes = Vec::new();
        write_text(&mut bytes, "Sở Thông tin và Truyền thông")?;
        let mut reader = bytes.as_slice();
        assert_eq!(
            read_text(&mut reader)?.as_deref(),
            Some("Sở Thông tin và Truyền thông")
        );
        assert_eq!(read_text(&mut reader)?, None);
        Ok(())
    }
}
