//! A small web server answering as nginx 1.22.1 (Debian 12's package, default
//! site) does: status line, nginx's header set and order
//! (ngx_http_header_filter_module.c), `index.html` for a directory, nginx's
//! built-in 404 page (ngx_http_special_response.c), HTTP/1.1 keep-alive until
//! the client closes. Pages are a typed path → body map the user edits.
//!
//! Driven like the other apps: [`WebServer::start`] listens on the host's
//! [`TcpTable`]; every [`TcpEvent`] of the host goes to [`WebServer::on_event`].

use crate::vec_map::VecMap;
use std::net::Ipv4Addr;

use crate::l4::tcp::{SocketId, TcpError, TcpEvent, TcpTable};
use crate::time::SimTime;

/// `NGINX_VER` with Debian's default `server_tokens on`.
pub const SERVER: &str = "nginx/1.22.1";
/// nginx's listen backlog (`NGX_LISTEN_BACKLOG` = 511 on Linux).
pub const BACKLOG: u32 = 511;

/// nginx's default `index.html` on Debian ("Welcome to nginx!").
pub const WELCOME: &str = "<!DOCTYPE html>\n<html>\n<head>\n<title>Welcome to nginx!</title>\n<style>\nhtml { color-scheme: light dark; }\nbody { width: 35em; margin: 0 auto;\nfont-family: Tahoma, Verdana, Arial, sans-serif; }\n</style>\n</head>\n<body>\n<h1>Welcome to nginx!</h1>\n<p>If you see this page, the nginx web server is successfully installed and\nworking. Further configuration is required.</p>\n\n<p>For online documentation and support please refer to\n<a href=\"http://nginx.org/\">nginx.org</a>.<br/>\nCommercial support is available at\n<a href=\"http://nginx.com/\">nginx.com</a>.</p>\n\n<p><em>Thank you for using nginx.</em></p>\n</body>\n</html>\n";

/// One page: its body and modification time (Unix seconds).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// The bytes served.
    pub body: String,
    /// `Last-Modified` and the ETag's first half.
    pub modified: u64,
}

/// The web server program.
#[derive(Debug, Clone)]
pub struct WebServer {
    /// Path (starting with '/') → page.
    pub pages: VecMap<String, Page>,
    /// Unix time of simulated time 0 (the scenario's epoch).
    pub epoch_secs: u64,
    /// Listening address and port.
    pub bind: (Ipv4Addr, u16),
    listener: Option<SocketId>,
    /// Bytes of a request head not yet complete, per connection.
    pending: VecMap<SocketId, Vec<u8>>,
    /// One line per request, nginx's combined log format without the user agent parts.
    pub access_log: Vec<String>,
    /// Each response as facts, in order: the connection, method, path, status
    /// and body length (Content-Length).
    pub served: Vec<Served>,
}

/// One answered request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Served {
    /// The connection it came on (None when `respond` was called directly).
    pub conn: Option<SocketId>,
    /// Request method and target as sent.
    pub method: String,
    pub target: String,
    /// 200 or 404.
    pub status: u16,
    /// Content-Length of the response.
    pub body_len: usize,
}

impl WebServer {
    /// A server on port 80 with nginx's welcome page at `/index.html`.
    pub fn new(epoch_secs: u64) -> WebServer {
        let mut pages = VecMap::new();
        pages.insert("/index.html".to_string(), Page { body: WELCOME.to_string(), modified: epoch_secs });
        WebServer { pages, epoch_secs, bind: (Ipv4Addr::UNSPECIFIED, 80), listener: None, pending: VecMap::new(), access_log: vec![], served: vec![] }
    }

    /// Listen (nginx: `listen 80 default_server`, backlog 511).
    pub fn start(&mut self, tcp: &mut TcpTable) -> Result<(), TcpError> {
        self.listener = Some(tcp.listen(self.bind.0, self.bind.1, BACKLOG)?);
        Ok(())
    }

    /// React to the host's TCP events at `now`.
    pub fn on_event(&mut self, now: SimTime, ev: TcpEvent, tcp: &mut TcpTable) {
        match ev {
            TcpEvent::Established { listener, .. } if Some(listener) == self.listener => {
                while let Some(c) = tcp.accept(listener) {
                    self.pending.insert(c, Vec::new());
                }
            }
            TcpEvent::Readable(c) if self.pending.contains_key(&c) => {
                let data = tcp.recv(c);
                let mut buf = self.pending.remove(&c).expect("checked");
                buf.extend_from_slice(&data);
                while let Some(end) = buf.windows(4).position(|w| w == b"\r\n\r\n") {
                    let head: Vec<u8> = buf.drain(..end + 4).collect();
                    let resp = self.respond(now, &head);
                    if let Some(s) = self.served.last_mut() {
                        s.conn = Some(c);
                    }
                    let _ = tcp.send(now, c, &resp);
                }
                self.pending.insert(c, buf);
            }
            TcpEvent::PeerClosed(c) if self.pending.contains_key(&c) => {
                // The keep-alive read returns 0: nginx closes its side.
                self.pending.remove(&c);
                tcp.close(now, c);
            }
            TcpEvent::Reset(c) => {
                self.pending.remove(&c);
            }
            _ => {}
        }
    }

    /// The response bytes for one request head.
    pub fn respond(&mut self, now: SimTime, head: &[u8]) -> Vec<u8> {
        let text = String::from_utf8_lossy(head);
        let line = text.lines().next().unwrap_or("");
        let mut parts = line.split(' ');
        let (method, target) = (parts.next().unwrap_or(""), parts.next().unwrap_or("/"));
        let path = target.split('?').next().unwrap_or("/");
        let path = if path.ends_with('/') { format!("{path}index.html") } else { path.to_string() };
        let date = http_date(self.epoch_secs + now.as_nanos() / 1_000_000_000);
        let (status, mut out, body_len) = match self.pages.get(&path) {
            Some(p) => {
                let len = p.body.len();
                let mut h = format!(
                    "HTTP/1.1 200 OK\r\nServer: {SERVER}\r\nDate: {date}\r\nContent-Type: text/html\r\nContent-Length: {len}\r\nLast-Modified: {}\r\nConnection: keep-alive\r\n",
                    http_date(p.modified)
                );
                // ngx_http_set_etag: "%xT-%xO" (mtime and length in hex).
                h.push_str(&format!("ETag: \"{:x}-{:x}\"\r\nAccept-Ranges: bytes\r\n\r\n", p.modified, len));
                let mut b = h.into_bytes();
                if method != "HEAD" {
                    b.extend_from_slice(p.body.as_bytes());
                }
                (200, b, len)
            }
            None => {
                let body = not_found_page();
                let h = format!(
                    "HTTP/1.1 404 Not Found\r\nServer: {SERVER}\r\nDate: {date}\r\nContent-Type: text/html\r\nContent-Length: {}\r\nConnection: keep-alive\r\n\r\n",
                    body.len()
                );
                let mut b = h.into_bytes();
                if method != "HEAD" {
                    b.extend_from_slice(body.as_bytes());
                }
                (404, b, body.len())
            }
        };
        self.access_log.push(format!("\"{line}\" {status}"));
        self.served.push(Served { conn: None, method: method.to_string(), target: target.to_string(), status, body_len });
        out.shrink_to_fit();
        out
    }
}

/// nginx's 404 page: `ngx_http_error_404_page` + `ngx_http_error_full_tail`.
pub fn not_found_page() -> String {
    format!("<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1></center>\r\n<hr><center>{SERVER}</center>\r\n</body>\r\n</html>\r\n")
}

/// RFC 9110 §5.6.7 IMF-fixdate ("Wed, 02 Dec 2026 14:39:29 GMT") for Unix time `t`.
pub fn http_date(t: u64) -> String {
    let d = crate::time::UtcDate::from_unix(t);
    format!(
        "{}, {:02} {} {} {:02}:{:02}:{:02} GMT",
        d.weekday_name(),
        d.day,
        d.month_name(),
        d.year,
        d.hour,
        d.minute,
        d.second
    )
}
