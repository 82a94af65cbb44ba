//! Class codes and teacher tokens. The class code is typed by pupils from
//! the projector: six characters with no look-alikes (no 0/O, 1/I/L). The
//! teacher token never leaves the animator's terminal: 24 characters.

/// Letters and digits nobody confuses when reading them aloud.
const ALPHABET: &[u8] = b"ABCDEFGHJKMNPQRSTUVWXYZ23456789";

/// `length` characters of [`ALPHABET`], from the OS's random numbers.
pub fn random_text(length: usize) -> std::io::Result<String> {
    let mut bytes = vec![0u8; length];
    getrandom::fill(&mut bytes).map_err(|e| std::io::Error::other(e.to_string()))?;
    // 256 is not a multiple of 31: drawing again above 248 keeps every
    // character equally likely.
    let mut text = String::with_capacity(length);
    let mut pool = bytes.into_iter();
    while text.len() < length {
        let byte = match pool.next() {
            Some(byte) => byte,
            None => {
                let mut one = [0u8; 1];
                getrandom::fill(&mut one).map_err(|e| std::io::Error::other(e.to_string()))?;
                one[0]
            }
        };
        let limit = (256 / ALPHABET.len() * ALPHABET.len()) as u8;
        if byte < limit {
            text.push(ALPHABET[byte as usize % ALPHABET.len()] as char);
        }
    }
    Ok(text)
}

/// A new class code.
pub fn class_code() -> std::io::Result<String> {
    random_text(6)
}

/// A new teacher token.
pub fn teacher_token() -> std::io::Result<String> {
    random_text(24)
}

/// `given == expected`, in a time that does not depend on where they first
/// differ; codes are compared without regard to case (typed by pupils).
pub fn same_secret(given: &str, expected: &str) -> bool {
    let given = given.trim().to_ascii_uppercase();
    let expected = expected.to_ascii_uppercase();
    if given.len() != expected.len() || expected.is_empty() {
        return false;
    }
    given
        .bytes()
        .zip(expected.bytes())
        .fold(0u8, |diff, (a, b)| diff | (a ^ b))
        == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_use_only_unambiguous_characters_and_differ() {
        let a = class_code().unwrap();
        let b = class_code().unwrap();
        assert_eq!(a.len(), 6);
        assert!(a.bytes().all(|c| ALPHABET.contains(&c)), "{a}");
        assert_eq!(teacher_token().unwrap().len(), 24);
        // 31^6 possibilities: two equal codes in a row means no randomness.
        assert_ne!(a, b);
    }

    #[test]
    fn secrets_compare_whole_and_ignore_case() {
        assert!(same_secret("k7p2qx", "K7P2QX"));
        assert!(same_secret(" K7P2QX\n", "K7P2QX"));
        assert!(!same_secret("K7P2Q", "K7P2QX"));
        assert!(!same_secret("K7P2QY", "K7P2QX"));
        assert!(!same_secret("", ""));
    }
}
