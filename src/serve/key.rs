//! The secret each server run shares with its companion, so that neither
//! side takes for genuine a line another mod wrote: every request and every
//! answer or event carries an HMAC-SHA1 of its text under this key. The
//! key reaches the companion through the server's config (beside the
//! world, which no mod may read); the companion takes it out of the
//! settings as it loads. The engine does not always load the companion
//! first (measured: a watched mod before it in 1 start of 8), and a mod
//! loaded before it could read that run's key: a new key is made for each
//! run (see `Session::start_server`).

use std::io::Read;

/// 64 hexadecimal digits: one SHA-1 block, so the companion uses it as
/// the HMAC key as it is.
#[derive(Clone, PartialEq, Eq)]
pub struct Key(String);

impl std::fmt::Debug for Key {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Key(…)")
    }
}

impl Key {
    /// A new key from the system's random source.
    pub fn random() -> std::io::Result<Key> {
        let mut bytes = [0u8; 32];
        std::fs::File::open("/dev/urandom")?.read_exact(&mut bytes)?;
        Ok(Key(bytes.iter().map(|b| format!("{b:02x}")).collect()))
    }

    /// The key as the config line gives it to the companion.
    pub fn text(&self) -> &str {
        &self.0
    }

    /// HMAC-SHA1 of `message`, in hexadecimal (what the companion computes
    /// with `core.sha1`).
    pub fn mac(&self, message: &[u8]) -> String {
        hmac_sha1(self.0.as_bytes(), message)
    }

    /// `<mac> <text>`: one line of the protocol.
    pub fn sign(&self, text: &str) -> String {
        format!("{} {text}", self.mac(text.as_bytes()))
    }

    /// The text of a line `<mac> <text>` whose MAC is right.
    pub fn verify<'a>(&self, line: &'a str) -> Option<&'a str> {
        let (mac, text) = line.split_once(' ')?;
        let expected = self.mac(text.as_bytes());
        // The same time whatever the first wrong digit.
        let same = mac.len() == expected.len()
            && mac
                .bytes()
                .zip(expected.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0;
        same.then_some(text)
    }
}

/// RFC 2104 over SHA-1 (64-byte blocks).
fn hmac_sha1(key: &[u8], message: &[u8]) -> String {
    let mut block = [0u8; 64];
    if key.len() > 64 {
        block[..20].copy_from_slice(&sha1_smol::Sha1::from(key).digest().bytes());
    } else {
        block[..key.len()].copy_from_slice(key);
    }
    let pad = |byte: u8| block.iter().map(|k| k ^ byte).collect::<Vec<u8>>();
    let mut inner = sha1_smol::Sha1::new();
    inner.update(&pad(0x36));
    inner.update(message);
    let mut outer = sha1_smol::Sha1::new();
    outer.update(&pad(0x5c));
    outer.update(&inner.digest().bytes());
    outer.digest().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hmac_sha1_matches_rfc_2202() {
        assert_eq!(
            hmac_sha1(&[0x0b; 20], b"Hi There"),
            "b617318655057264e28bc0b6fb378c8ef146be00"
        );
        assert_eq!(
            hmac_sha1(b"Jefe", b"what do ya want for nothing?"),
            "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79"
        );
        assert_eq!(
            hmac_sha1(
                &[0xaa; 80],
                b"Test Using Larger Than Block-Size Key - Hash Key First"
            ),
            "aa4ae5e15272d00e95705637ce8a3b55ed402112"
        );
    }

    #[test]
    fn a_line_verifies_only_with_its_own_text_and_key() {
        let key = Key::random().unwrap();
        assert_eq!(key.text().len(), 64);
        let line = key.sign("{\"id\":1}");
        assert_eq!(key.verify(&line), Some("{\"id\":1}"));
        assert_eq!(key.verify(&line.replace("1}", "2}")), None);
        assert_eq!(Key::random().unwrap().verify(&line), None);
        assert_eq!(key.verify("{\"id\":1}"), None);
    }
}
