//! The pupil's side of the wire: one HTTP/1.1 request to the class PC
//! over a plain TCP connection (the class LAN, `http://` only), with
//! timeouts so a class PC that disappears never hangs `join`.

use std::io::{Read, Write};
use std::net::{TcpStream, ToSocketAddrs};
use std::time::Duration;

/// The largest answer read (findings are a few kilobytes).
const MAX_ANSWER: u64 = 1024 * 1024;

/// Why a request got no answer.
#[derive(Debug)]
pub enum ClientError {
    /// Not `http://host:port` (or `http://host`).
    BadUrl(String),
    /// No connection, or it broke: the class PC is off or unreachable.
    Unreachable(String, std::io::Error),
    /// An answer that is not HTTP.
    BadAnswer(String),
}

/// `host:port` of an `http://` address, port 80 when none is written.
pub fn host_port(url: &str) -> Result<String, ClientError> {
    let rest = url
        .trim()
        .strip_prefix("http://")
        .ok_or_else(|| ClientError::BadUrl(url.to_owned()))?;
    let host = rest.split('/').next().unwrap_or("");
    if host.is_empty() || host.contains('@') {
        return Err(ClientError::BadUrl(url.to_owned()));
    }
    Ok(
        if host
            .rsplit_once(':')
            .is_some_and(|(_, p)| p.parse::<u16>().is_ok())
        {
            host.to_owned()
        } else {
            format!("{host}:80")
        },
    )
}

/// Sends `method path` with `headers` and `body`; the status and the body.
pub fn request(
    url: &str,
    method: &str,
    path: &str,
    headers: &[(&str, &str)],
    body: &[u8],
    timeout: Duration,
) -> Result<(u16, Vec<u8>), ClientError> {
    let address = host_port(url)?;
    let unreachable = |e: std::io::Error| ClientError::Unreachable(address.clone(), e);
    let target = address
        .to_socket_addrs()
        .map_err(unreachable)?
        .next()
        .ok_or_else(|| unreachable(std::io::ErrorKind::NotFound.into()))?;
    let mut stream = TcpStream::connect_timeout(&target, timeout).map_err(unreachable)?;
    stream
        .set_read_timeout(Some(timeout))
        .map_err(unreachable)?;
    stream
        .set_write_timeout(Some(timeout))
        .map_err(unreachable)?;
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {address}\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        head.push_str(&format!("{name}: {value}\r\n"));
    }
    head.push_str("\r\n");
    stream.write_all(head.as_bytes()).map_err(unreachable)?;
    stream.write_all(body).map_err(unreachable)?;
    let mut answer = Vec::new();
    stream
        .take(MAX_ANSWER)
        .read_to_end(&mut answer)
        .map_err(unreachable)?;
    parse_answer(&answer).ok_or_else(|| ClientError::BadAnswer(address.clone()))
}

/// The status and body of an HTTP answer (`Content-Length` or chunked).
fn parse_answer(answer: &[u8]) -> Option<(u16, Vec<u8>)> {
    let end = answer.windows(4).position(|w| w == b"\r\n\r\n")?;
    let head = std::str::from_utf8(&answer[..end]).ok()?;
    let status = head.split_whitespace().nth(1)?.parse().ok()?;
    let body = &answer[end + 4..];
    let chunked = head
        .lines()
        .any(|l| l.to_ascii_lowercase().starts_with("transfer-encoding:") && l.contains("chunked"));
    if !chunked {
        return Some((status, body.to_vec()));
    }
    let mut out = Vec::new();
    let mut rest = body;
    loop {
        let line_end = rest.windows(2).position(|w| w == b"\r\n")?;
        let size =
            usize::from_str_radix(std::str::from_utf8(&rest[..line_end]).ok()?.trim(), 16).ok()?;
        rest = &rest[line_end + 2..];
        if size == 0 {
            return Some((status, out));
        }
        out.extend_from_slice(rest.get(..size)?);
        rest = rest.get(size + 2..)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_http_addresses_are_used() {
        assert_eq!(
            host_port("http://192.168.1.10:8080").unwrap(),
            "192.168.1.10:8080"
        );
        assert_eq!(host_port("http://prof-pc/").unwrap(), "prof-pc:80");
        assert!(host_port("https://prof-pc").is_err());
        assert!(host_port("http://user@evil").is_err());
        assert!(host_port("prof-pc:8080").is_err());
    }

    #[test]
    fn chunked_and_plain_answers_are_read() {
        let plain = b"HTTP/1.1 403 Forbidden\r\nContent-Length: 2\r\n\r\nno";
        assert_eq!(parse_answer(plain), Some((403, b"no".to_vec())));
        let chunked = b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3\r\nabc\r\n2\r\nde\r\n0\r\n\r\n";
        assert_eq!(parse_answer(chunked), Some((200, b"abcde".to_vec())));
        assert_eq!(parse_answer(b"garbage"), None);
    }
}
