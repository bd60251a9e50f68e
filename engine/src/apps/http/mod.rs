//! HTTP/1.1: curl 7.88.1 as a client command and an nginx-modelled web server,
//! both running over a host's [`crate::l4::tcp::TcpTable`].

pub mod curl;
pub(crate) mod node;
pub mod server;

#[cfg(test)]
mod tests;
