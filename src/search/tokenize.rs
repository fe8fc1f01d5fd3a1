//! Splits text into syllables, each with its exact form (for ranking) and its folded form
//! (for matching): lowercase, no tones or letter marks, đ → d.

use crate::vietnamese::fold;

/// One syllable (or number) of a text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Token {
    /// Lowercase NFC form, diacritics kept: `đắk`.
    pub exact: String,
    /// Folded form used for matching: `dak`.
    pub folded: String,
}

/// Splits `text` into tokens. Letters and digits make tokens; everything else separates
/// them, except `.` and `,` between two digits, which stay inside a number (`1.747.201,5`)
/// and are dropped from its folded form except for the decimal comma.
pub fn tokenize(text: &str) -> Vec<Token> {
    let chars: Vec<char> = crate::vietnamese::nfc(text.to_string()).chars().collect();
    let mut tokens = Vec::new();
    let mut current = String::new();
    for (i, &c) in chars.iter().enumerate() {
        let inside_number = (c == '.' || c == ',')
            && i > 0
            && chars[i - 1].is_ascii_digit()
            && chars.get(i + 1).is_some_and(|n| n.is_ascii_digit());
        if c.is_alphanumeric() || inside_number {
            current.push(c);
        } else if !current.is_empty() {
            tokens.push(token(&current));
            current.clear();
        }
    }
    if !current.is_empty() {
        tokens.push(token(&current));
    }
    tokens
}

fn token(raw: &str) -> Token {
    let exact = crate::vietnamese::nfc(raw.to_lowercase());
    let mut folded = fold(&exact);
    if folded.contains('.') {
        folded.retain(|c| c != '.');
    }
    Token { exact, folded }
}

/// The name of the index shard that holds `folded`: its first three characters, written
/// as-is when they are ASCII letters or digits, otherwise as `x` and their UTF-8 in hex.
pub fn shard_key(folded: &str) -> String {
    let prefix: String = folded.chars().take(3).collect();
    if prefix.chars().all(|c| c.is_ascii_alphanumeric()) {
        prefix
    } else {
        let hex: String = prefix.bytes().map(|b| format!("{b:02x}")).collect();
        format!("x{hex}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use unicode_normalization::UnicodeNormalization;

    fn folded(text: &str) -> Vec<String> {
        tokenize(text).into_iter().map(|t| t.folded).collect()
    }

    #[test]
    fn syllables_fold_tones_marks_and_d_stroke() {
        assert_eq!(folded("Chuyển đổi số"), ["chuyen", "doi", "so"]);
        assert_eq!(folded("ĐẮK NÔNG"), ["dak", "nong"]);
        assert_eq!(folded("đường truyền"), ["duong", "truyen"]);
        let tokens = tokenize("Đắk Nông");
        assert_eq!(tokens[0].exact, "đắk");
        assert_eq!(tokens[0].folded, "dak");
    }

    #[test]
    fn decomposed_input_gives_the_same_tokens_as_composed() {
        let decomposed: String = "Khánh Hòa".nfd().collect();
        assert_eq!(tokenize(&decomposed), tokenize("Khánh Hòa"));
    }

    #[test]
    fn punctuation_separates_and_numbers_stay_whole() {
        assert_eq!(folded("Sở TT&TT"), ["so", "tt", "tt"]);
        assert_eq!(folded("10693/KH-UBND"), ["10693", "kh", "ubnd"]);
        assert_eq!(
            folded("tổng 1.747.201,5 triệu."),
            ["tong", "1747201,5", "trieu"]
        );
        assert_eq!(folded("(CNTT), CSDL;"), ["cntt", "csdl"]);
        assert!(tokenize(" – … ").is_empty());
    }

    #[test]
    fn shard_keys_are_safe_file_names() {
        assert_eq!(shard_key("chuyen"), "chu");
        assert_eq!(shard_key("so"), "so");
        assert_eq!(shard_key("ñu"), "xc3b175");
    }
}
