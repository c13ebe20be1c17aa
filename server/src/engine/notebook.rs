//! Jupyter notebooks: every rule runs on the code cells of a `.ipynb` file, and findings point
//! into the notebook's JSON text (so editors and SARIF viewers land on the right spot) and name
//! the cell and the line within it (`nb.ipynb:cell 3:5:1`).
//!
//! The code cells are joined into one virtual Python file, so imports in one cell resolve names
//! in the next, and each virtual byte maps back to the JSON byte it was decoded from. IPython
//! syntax (`%pip install`, `!ls`, `obj?`, `%%bash` cells) is blanked without moving any byte. A
//! cell with a syntax error is left out of the shared scan (so it cannot swallow later cells) and
//! scanned on its own with the other cells as context. Secrets are found by the text scanner on
//! the whole JSON (cells, outputs, metadata), as for any other file.

use std::path::Path;

use super::finding::{CellLocation, FileReport, Finding, Notice, NoticeKind, SecretSpan};
use super::{scan_source, scan_text, Catalog, Language, LineIndex, ScanSettings};

/// Deepest JSON nesting accepted; deeper input is not a notebook.
const MAX_DEPTH: usize = 128;

/// Scan a notebook's text. Invalid JSON gets a notice and the secrets scan still runs.
pub fn scan_notebook(catalog: &Catalog, path: &Path, text: &str, settings: &ScanSettings) -> FileReport {
    let mut report = scan_text(path, text, settings);
    let cells = match parse_cells(text) {
        Ok(cells) => cells,
        Err(message) => {
            report.notices.push(Notice { kind: NoticeKind::SyntaxError, message: format!("not a valid notebook: {message}; only scanned for secrets") });
            return report;
        }
    };
    let code = VirtualSource::build(&cells);
    if code.text.trim().is_empty() {
        return report;
    }
    let lines = LineIndex::new(text);
    let broken = code.cells_with_syntax_errors();
    // The shared scan without broken cells, then each broken cell with the others as context,
    // keeping only what falls inside it.
    let mut runs: Vec<(String, Option<usize>)> = vec![(code.blanked(&broken, None), None)];
    runs.extend(broken.iter().map(|&b| (code.blanked(&broken, Some(b)), Some(b))));
    let mut findings: Vec<Finding> = Vec::new();
    let mut secrets: Vec<SecretSpan> = Vec::new();
    for (virtual_text, only) in runs {
        let scanned = scan_source(catalog, Language::Python, path, &virtual_text, None, settings);
        for f in scanned.findings {
            // Secrets come from the JSON text scan above, which also sees outputs and metadata.
            if f.rule_id.starts_with("any-") {
                continue;
            }
            let Some(cell) = code.cell_at(f.range.start_byte) else { continue };
            if only.is_some_and(|b| b != cell) {
                continue;
            }
            let mapped = code.map_finding(f, &virtual_text, &lines, text);
            if !findings.iter().any(|g| g.rule_id == mapped.rule_id && g.range == mapped.range) {
                findings.push(mapped);
            }
        }
        secrets.extend(scanned.secrets.iter().map(|s| SecretSpan { start_byte: code.raw(s.start_byte), end_byte: code.raw_end(s.end_byte), visible: s.visible }));
    }
    for &b in &broken {
        report.notices.push(Notice {
            kind: NoticeKind::SyntaxError,
            message: format!("syntax error in cell {}; the other cells were still analysed", code.cells[b].number),
        });
    }
    // A query rule that marks its literal as a secret (a hard-coded key) replaces the generic
    // secret finding the text scan made for the same literal.
    report.findings.retain(|s| {
        !(matches!(s.rule_id.as_str(), super::secrets::RULE_GENERIC | super::secrets::RULE_SIGNING_KEY | super::secrets::RULE_PLACEHOLDER)
            && findings.iter().any(|f| f.range.overlaps(&s.range)))
    });
    report.findings.extend(findings);
    report.findings.sort_by_key(|f| (f.range.start_byte, f.range.end_byte));
    report.secrets.extend(secrets);
    report.secrets.sort_by_key(|s| (s.start_byte, s.end_byte));
    report.secrets.dedup();
    report
}

/// One code cell's source: decoded text and, per decoded byte, the JSON byte it came from.
#[derive(Debug)]
struct CodeCell {
    /// 1-based position among all cells (markdown and raw cells count).
    number: usize,
    text: String,
    raw: Vec<usize>,
}

/// The code cells joined into one Python text.
struct VirtualSource {
    cells: Vec<CodeCell>,
    text: String,
    /// Per virtual byte (plus one past the end): the JSON byte offset.
    raw: Vec<usize>,
    /// Per cell: its byte range in `text`.
    spans: Vec<(usize, usize)>,
}

impl VirtualSource {
    fn build(cells: &[CodeCell]) -> VirtualSource {
        let mut text = String::new();
        let mut raw = Vec::new();
        let mut spans = Vec::new();
        let mut owned = Vec::new();
        for cell in cells {
            let start = text.len();
            let mut source = neutralize_magics(&cell.text);
            let mut map = cell.raw.clone();
            if !source.ends_with('\n') {
                source.push('\n');
                map.push(map.last().map_or(0, |r| r + 1));
            }
            text.push_str(&source);
            raw.extend(map);
            spans.push((start, text.len()));
            owned.push(CodeCell { number: cell.number, text: source, raw: Vec::new() });
        }
        raw.push(raw.last().map_or(0, |r| r + 1));
        VirtualSource { cells: owned, text, raw, spans }
    }

    /// Cells that do not parse on their own.
    fn cells_with_syntax_errors(&self) -> Vec<usize> {
        let whole_ok = super::parse(Language::Python, &self.text, None).is_some_and(|t| !t.root_node().has_error());
        if whole_ok {
            return Vec::new();
        }
        (0..self.cells.len())
            .filter(|&i| super::parse(Language::Python, &self.cells[i].text, None).is_none_or(|t| t.root_node().has_error()))
            .collect()
    }

    /// The virtual text with the `broken` cells blanked, except `keep`. Blanking keeps every
    /// line break, so positions do not move.
    fn blanked(&self, broken: &[usize], keep: Option<usize>) -> String {
        let mut bytes = self.text.clone().into_bytes();
        for &b in broken.iter().filter(|b| Some(**b) != keep) {
            let (s, e) = self.spans[b];
            blank(&mut bytes[s..e]);
        }
        String::from_utf8(bytes).unwrap_or_default()
    }

    fn cell_at(&self, byte: usize) -> Option<usize> {
        self.spans.iter().position(|&(s, e)| s <= byte && byte < e)
    }

    fn raw(&self, byte: usize) -> usize {
        self.raw[byte.min(self.raw.len() - 1)]
    }

    fn raw_end(&self, byte: usize) -> usize {
        if byte == 0 {
            return self.raw(0);
        }
        self.raw(byte - 1) + 1
    }

    /// Move a finding from virtual coordinates into the JSON text, naming its cell.
    fn map_finding(&self, mut f: Finding, virtual_text: &str, lines: &LineIndex, json: &str) -> Finding {
        let index = self.cell_at(f.range.start_byte).unwrap_or(0);
        let cell_start = self.spans[index].0;
        let line_start = virtual_text[..f.range.start_byte.min(virtual_text.len())].rfind('\n').map_or(0, |i| i + 1).max(cell_start);
        let line = virtual_text[cell_start..line_start].matches('\n').count();
        let column = virtual_text.get(line_start..f.range.start_byte).map_or(0, |s| s.chars().count());
        let (start, end) = (self.raw(f.range.start_byte), self.raw_end(f.range.end_byte).max(self.raw(f.range.start_byte)));
        let end = end.min(json.len());
        f.range = lines.range(start, end);
        f.cell = Some(CellLocation { cell: self.cells[index].number, line: line + 1, column: column + 1 });
        // Fixes edit the Python text; applying them to the JSON would need re-escaping.
        f.fix = None;
        if let Some(s) = f.suppression.as_mut() {
            s.line = f.range.start.line;
        }
        f
    }
}

fn blank(bytes: &mut [u8]) {
    for b in bytes.iter_mut() {
        if *b != b'\n' && *b != b'\r' {
            *b = b' ';
        }
    }
}

/// IPython syntax that is not Python, made into comments or blanks without moving a byte:
/// `%pip install x`, `!ls`, `files = !ls`, `obj?`, `??obj`, and whole `%%bash`-style cells.
fn neutralize_magics(source: &str) -> String {
    let mut bytes = source.as_bytes().to_vec();
    let first = source.lines().next().unwrap_or("").trim_start();
    // Cell magics whose body is Python keep it; the others hold another language.
    const PYTHON_BODY: &[&str] = &["%%time", "%%timeit", "%%capture", "%%prun", "%%python", "%%python3", "%%debug", "%%tracemalloc"];
    if first.starts_with("%%") {
        let name = first.split_whitespace().next().unwrap_or("");
        if !PYTHON_BODY.contains(&name) {
            blank(&mut bytes);
            return String::from_utf8(bytes).unwrap_or_default();
        }
    }
    let mut offset = 0;
    for line in source.split_inclusive('\n') {
        let trimmed = line.trim_start();
        let indent = line.len() - trimmed.len();
        let body = trimmed.trim_end();
        let assigned_shell = body.split_once('=').is_some_and(|(lhs, rhs)| {
            lhs.trim().chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | ',' | ' ' | '.')) && !lhs.trim().is_empty() && matches!(rhs.trim_start().chars().next(), Some('!' | '%')) && !rhs.starts_with('=')
        });
        // `obj?` / `obj.attr??`: help on a name.
        let help = body.strip_suffix('?').map(|b| b.trim_end_matches('?')).is_some_and(|name| {
            name.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_') && name.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '.'))
        });
        let is_magic = body.starts_with('%') || body.starts_with('!') || body.starts_with('?') || help || assigned_shell;
        if is_magic && !body.is_empty() {
            bytes[offset + indent] = b'#';
        }
        offset += line.len();
    }
    String::from_utf8(bytes).unwrap_or_default()
}

// --- A small JSON reader that remembers where each string came from. ---

enum Json {
    Object(Vec<(String, Json)>),
    Array(Vec<Json>),
    Str { text: String, raw: Vec<usize> },
    Other,
}

impl Json {
    fn get(&self, key: &str) -> Option<&Json> {
        match self {
            Json::Object(pairs) => pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v),
            _ => None,
        }
    }
}

/// The code cells of a notebook (nbformat 4: `cells[].cell_type`, `source` as a string or a list
/// of lines).
fn parse_cells(text: &str) -> Result<Vec<CodeCell>, String> {
    // A byte-order mark is skipped, not removed, so offsets still index `text`.
    let mut reader = Reader { bytes: text.as_bytes(), pos: if text.starts_with('\u{feff}') { 3 } else { 0 } };
    let root = reader.value(0)?;
    reader.skip_ws();
    if reader.pos != reader.bytes.len() {
        return Err(format!("unexpected data after the JSON value at byte {}", reader.pos));
    }
    let Some(Json::Array(cells)) = root.get("cells") else {
        return Err("no `cells` list (nbformat 4 expected)".into());
    };
    let mut out = Vec::new();
    for (i, cell) in cells.iter().enumerate() {
        let is_code = matches!(cell.get("cell_type"), Some(Json::Str { text, .. }) if text == "code");
        if !is_code {
            continue;
        }
        let (mut text, mut raw) = (String::new(), Vec::new());
        match cell.get("source") {
            Some(Json::Str { text: t, raw: r }) => {
                text.push_str(t);
                raw.extend(r);
            }
            Some(Json::Array(parts)) => {
                for part in parts {
                    if let Json::Str { text: t, raw: r } = part {
                        text.push_str(t);
                        raw.extend(r);
                    }
                }
            }
            _ => {}
        }
        out.push(CodeCell { number: i + 1, text, raw });
    }
    Ok(out)
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl Reader<'_> {
    fn skip_ws(&mut self) {
        while self.pos < self.bytes.len() && matches!(self.bytes[self.pos], b' ' | b'\t' | b'\n' | b'\r') {
            self.pos += 1;
        }
    }

    fn error(&self, what: &str) -> String {
        format!("{what} at byte {}", self.pos)
    }

    fn value(&mut self, depth: usize) -> Result<Json, String> {
        if depth > MAX_DEPTH {
            return Err(self.error("nesting too deep"));
        }
        self.skip_ws();
        match self.bytes.get(self.pos) {
            Some(b'{') => {
                self.pos += 1;
                let mut pairs = Vec::new();
                self.skip_ws();
                if self.bytes.get(self.pos) == Some(&b'}') {
                    self.pos += 1;
                    return Ok(Json::Object(pairs));
                }
                loop {
                    self.skip_ws();
                    let Json::Str { text: key, .. } = self.string()? else { unreachable!() };
                    self.skip_ws();
                    if self.bytes.get(self.pos) != Some(&b':') {
                        return Err(self.error("expected `:`"));
                    }
                    self.pos += 1;
                    let value = self.value(depth + 1)?;
                    pairs.push((key, value));
                    self.skip_ws();
                    match self.bytes.get(self.pos) {
                        Some(b',') => self.pos += 1,
                        Some(b'}') => {
                            self.pos += 1;
                            return Ok(Json::Object(pairs));
                        }
                        _ => return Err(self.error("expected `,` or `}`")),
                    }
                }
            }
            Some(b'[') => {
                self.pos += 1;
                let mut items = Vec::new();
                self.skip_ws();
                if self.bytes.get(self.pos) == Some(&b']') {
                    self.pos += 1;
                    return Ok(Json::Array(items));
                }
                loop {
                    items.push(self.value(depth + 1)?);
                    self.skip_ws();
                    match self.bytes.get(self.pos) {
                        Some(b',') => self.pos += 1,
                        Some(b']') => {
                            self.pos += 1;
                            return Ok(Json::Array(items));
                        }
                        _ => return Err(self.error("expected `,` or `]`")),
                    }
                }
            }
            Some(b'"') => self.string(),
            Some(c) if c.is_ascii_alphanumeric() || *c == b'-' => {
                while self.pos < self.bytes.len() && (self.bytes[self.pos].is_ascii_alphanumeric() || matches!(self.bytes[self.pos], b'-' | b'+' | b'.')) {
                    self.pos += 1;
                }
                Ok(Json::Other)
            }
            _ => Err(self.error("expected a JSON value")),
        }
    }

    /// A string token: its decoded text and, per decoded byte, the offset it was read from.
    fn string(&mut self) -> Result<Json, String> {
        if self.bytes.get(self.pos) != Some(&b'"') {
            return Err(self.error("expected a string"));
        }
        self.pos += 1;
        let mut text = String::new();
        let mut raw = Vec::new();
        loop {
            let start = self.pos;
            let Some(&c) = self.bytes.get(self.pos) else { return Err(self.error("unterminated string")) };
            match c {
                b'"' => {
                    self.pos += 1;
                    return Ok(Json::Str { text, raw });
                }
                b'\\' => {
                    let Some(&e) = self.bytes.get(self.pos + 1) else { return Err(self.error("unterminated escape")) };
                    self.pos += 2;
                    let ch = match e {
                        b'n' => '\n',
                        b't' => '\t',
                        b'r' => '\r',
                        b'b' => '\u{8}',
                        b'f' => '\u{c}',
                        b'"' => '"',
                        b'\\' => '\\',
                        b'/' => '/',
                        b'u' => {
                            let unit = self.hex4()?;
                            if (0xD800..0xDC00).contains(&unit) && self.bytes.get(self.pos) == Some(&b'\\') && self.bytes.get(self.pos + 1) == Some(&b'u') {
                                self.pos += 2;
                                let low = self.hex4()?;
                                char::from_u32(0x10000 + ((unit - 0xD800) << 10) + (low.wrapping_sub(0xDC00) & 0x3FF)).unwrap_or('\u{FFFD}')
                            } else {
                                char::from_u32(unit).unwrap_or('\u{FFFD}')
                            }
                        }
                        _ => return Err(self.error("invalid escape")),
                    };
                    text.push(ch);
                    raw.extend(std::iter::repeat_n(start, ch.len_utf8()));
                }
                _ => {
                    // Copy one UTF-8 character (the input is valid UTF-8).
                    let len = utf8_len(c);
                    let end = (self.pos + len).min(self.bytes.len());
                    text.push_str(std::str::from_utf8(&self.bytes[self.pos..end]).map_err(|_| self.error("invalid UTF-8"))?);
                    raw.extend(self.pos..end);
                    self.pos = end;
                }
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, String> {
        let digits = self.bytes.get(self.pos..self.pos + 4).ok_or_else(|| self.error("short \\u escape"))?;
        let value = std::str::from_utf8(digits).ok().and_then(|d| u32::from_str_radix(d, 16).ok()).ok_or_else(|| self.error("invalid \\u escape"))?;
        self.pos += 4;
        Ok(value)
    }
}

fn utf8_len(first: u8) -> usize {
    match first {
        0x00..=0x7F => 1,
        0xC0..=0xDF => 2,
        0xE0..=0xEF => 3,
        _ => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn magics_become_comments_in_place() {
        let src = "%pip install x\n!ls -la\nfiles = !ls\nobj?\nimport os\nx = a if b else c  # why?\n";
        let out = neutralize_magics(src);
        assert_eq!(out.len(), src.len());
        assert_eq!(out, "#pip install x\n#ls -la\n#iles = !ls\n#bj?\nimport os\nx = a if b else c  # why?\n");
        let cell = "%%bash\nrm -rf /tmp/x\n";
        assert_eq!(neutralize_magics(cell).trim(), "");
        assert_eq!(neutralize_magics("%%time\nx = 1\n"), "#%time\nx = 1\n");
    }

    #[test]
    fn strings_map_back_to_their_json_bytes() {
        let json = r#"{"cells": [{"cell_type": "markdown", "source": "x"}, {"cell_type": "code", "source": ["a = \"\u00e9\"\n", "b"]}]}"#;
        let cells = parse_cells(json).unwrap();
        assert_eq!(cells.len(), 1);
        assert_eq!(cells[0].number, 2);
        assert_eq!(cells[0].text, "a = \"é\"\nb");
        let b = cells[0].text.find('b').unwrap();
        assert_eq!(&json[cells[0].raw[b]..cells[0].raw[b] + 1], "b");
        assert!(parse_cells("{\"cells\": [").is_err());
    }

    #[test]
    fn hostile_json_is_an_error_not_a_crash() {
        let deep = format!("{}{}", "[".repeat(100_000), "]".repeat(100_000));
        assert!(parse_cells(&deep).unwrap_err().contains("nesting too deep"));
        for bad in ["", "{", "{\"cells\": [{\"source\": \"\\u12\"}]}", "{\"cells\": \"\\q\"}", "\u{feff}{}", "{\"cells\": []} x", "nul"] {
            let _ = parse_cells(bad);
        }
        assert!(parse_cells("{\"cells\": []}").unwrap().is_empty());
        assert!(parse_cells("\u{feff}{\"cells\": []}").unwrap().is_empty());
    }
}
