//! A framing layer in front of tower-lsp-server: tower-lsp-server 0.23 stops serving after one
//! malformed frame, so frames are checked here first. Bad ones are answered with a JSON-RPC
//! error (-32700 parse error, -32600 invalid request) and dropped; good ones are forwarded. All
//! output goes through one writer so error replies never interleave with the server's messages.

use serde_json::{json, Value};
use tokio::io::{AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

/// Headers longer than this are not LSP; bodies larger than this are refused.
const MAX_HEADER_LINE: usize = 8 * 1024;
const MAX_BODY: usize = 256 * 1024 * 1024;

pub enum Frame {
    Body(Vec<u8>),
    /// A frame whose header was unusable; the message says why.
    BadHeader(String),
}

/// Read one frame. Ok(None) at end of input.
pub async fn read_frame<R: AsyncRead + Unpin>(reader: &mut BufReader<R>) -> std::io::Result<Option<Frame>> {
    let mut content_length: Option<usize> = None;
    let mut problem: Option<String> = None;
    let mut saw_header = false;
    loop {
        let mut line = Vec::new();
        let n = (&mut *reader).take(MAX_HEADER_LINE as u64).read_until(b'\n', &mut line).await?;
        if n == 0 {
            return Ok(if saw_header { Some(Frame::BadHeader("input ended inside a header".into())) } else { None });
        }
        if !line.ends_with(b"\n") && n >= MAX_HEADER_LINE {
            problem = Some("header line too long".into());
            continue;
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end_matches(['\r', '\n']);
        if text.is_empty() {
            if !saw_header {
                continue; // stray blank line between messages
            }
            break;
        }
        saw_header = true;
        match text.split_once(':') {
            Some((name, value)) if name.trim().eq_ignore_ascii_case("content-length") => match value.trim().parse::<usize>() {
                Ok(len) => content_length = Some(len),
                Err(_) => problem = Some(format!("invalid Content-Length {:?}", value.trim())),
            },
            Some(_) => {} // Content-Type and other headers are allowed
            None => problem = Some(format!("malformed header line {text:?}")),
        }
    }
    if let Some(p) = problem {
        return Ok(Some(Frame::BadHeader(p)));
    }
    let Some(len) = content_length else { return Ok(Some(Frame::BadHeader("missing Content-Length".into()))) };
    if len > MAX_BODY {
        let mut sink = tokio::io::sink();
        tokio::io::copy(&mut (&mut *reader).take(len as u64), &mut sink).await?;
        return Ok(Some(Frame::BadHeader(format!("message of {len} bytes is too large"))));
    }
    let mut body = vec![0; len];
    reader.read_exact(&mut body).await?;
    Ok(Some(Frame::Body(body)))
}

pub fn encode(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn error_reply(id: Value, code: i64, message: &str) -> Vec<u8> {
    encode(json!({ "jsonrpc": "2.0", "id": id, "error": { "code": code, "message": message } }).to_string().as_bytes())
}

/// Check a body: Ok to forward it, Err with the reply to send instead.
pub fn check_body(body: &[u8]) -> Result<(), Vec<u8>> {
    let value: Value = match serde_json::from_slice(body) {
        Ok(v) => v,
        Err(e) => return Err(error_reply(Value::Null, -32700, &format!("Parse error: {e}"))),
    };
    let Some(object) = value.as_object() else { return Err(error_reply(Value::Null, -32600, "Invalid Request: not a JSON object")) };
    let id = object.get("id").cloned().unwrap_or(Value::Null);
    let valid_id = matches!(id, Value::Null | Value::Number(_) | Value::String(_));
    let has_method = object.get("method").is_some_and(Value::is_string);
    let is_response = object.contains_key("result") || object.contains_key("error");
    if !valid_id || (!has_method && !is_response) {
        return Err(error_reply(if valid_id { id } else { Value::Null }, -32600, "Invalid Request"));
    }
    if object.get("params").is_some_and(|p| !p.is_object() && !p.is_array() && !p.is_null()) {
        return Err(error_reply(id, -32602, "Invalid params: params must be an object or an array"));
    }
    Ok(())
}

/// Read client frames from `input`; forward good ones to `to_server`, answer bad ones through
/// `replies`. Ends (dropping `to_server`) at end of input.
pub async fn pump_input<R, W>(input: R, mut to_server: W, replies: mpsc::UnboundedSender<Vec<u8>>)
where
    R: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut reader = BufReader::new(input);
    loop {
        match read_frame(&mut reader).await {
            Ok(None) => break,
            Ok(Some(Frame::BadHeader(why))) => {
                eprintln!("assay lsp: dropped a malformed message: {why}");
                let _ = replies.send(error_reply(Value::Null, -32700, &format!("Parse error: {why}")));
            }
            Ok(Some(Frame::Body(body))) => match check_body(&body) {
                Ok(()) => {
                    if to_server.write_all(&encode(&body)).await.is_err() || to_server.flush().await.is_err() {
                        break;
                    }
                }
                Err(reply) => {
                    eprintln!("assay lsp: answered an invalid message with an error: {}", String::from_utf8_lossy(&body).chars().take(200).collect::<String>());
                    let _ = replies.send(reply);
                }
            },
            Err(e) => {
                eprintln!("assay lsp: reading standard input failed: {e}");
                break;
            }
        }
    }
    let _ = to_server.shutdown().await;
}

/// Re-frame the server's output into whole messages for the single writer.
pub async fn pump_output<R: AsyncRead + Unpin>(from_server: R, out: mpsc::UnboundedSender<Vec<u8>>) {
    let mut reader = BufReader::new(from_server);
    while let Ok(Some(frame)) = read_frame(&mut reader).await {
        if let Frame::Body(body) = frame {
            if out.send(encode(&body)).is_err() {
                break;
            }
        }
    }
}

/// The single writer: whole messages, flushed one at a time.
pub async fn write_all<W: AsyncWrite + Unpin>(mut output: W, mut messages: mpsc::UnboundedReceiver<Vec<u8>>) {
    while let Some(message) = messages.recv().await {
        if output.write_all(&message).await.is_err() || output.flush().await.is_err() {
            break;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[tokio::test]
    async fn reads_good_frames_and_reports_bad_headers() {
        let input = b"Content-Length: 2\r\n\r\n{}Content-Lenght: 2\r\n\r\nContent-Length: 3\r\n\r\n[1]".to_vec();
        let mut reader = BufReader::new(&input[..]);
        assert!(matches!(read_frame(&mut reader).await.unwrap(), Some(Frame::Body(b)) if b == b"{}"));
        assert!(matches!(read_frame(&mut reader).await.unwrap(), Some(Frame::BadHeader(_))));
        assert!(matches!(read_frame(&mut reader).await.unwrap(), Some(Frame::Body(b)) if b == b"[1]"));
        assert!(read_frame(&mut reader).await.unwrap().is_none());
    }

    #[test]
    fn bodies_are_checked() {
        assert!(check_body(br#"{"jsonrpc":"2.0","id":1,"method":"x"}"#).is_ok());
        assert!(check_body(br#"{"jsonrpc":"2.0","id":1,"result":null}"#).is_ok());
        let reply = String::from_utf8(check_body(b"{bad}").unwrap_err()).unwrap();
        assert!(reply.contains("-32700"));
        let reply = String::from_utf8(check_body(br#"{"jsonrpc":"2.0","id":{},"method":"x"}"#).unwrap_err()).unwrap();
        assert!(reply.contains("-32600"));
    }
}
