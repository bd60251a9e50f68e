//! Numbers and IPv4 addresses appended to a program's output line without
//! `core::fmt`. ping prints a few lines per probe; formatted with `format!`
//! they were a fifth of the throughput bench's instructions (docs/perf.md,
//! cut 4): `Ipv4Addr`'s `Display` alone costs about 1 200 instructions, since
//! it first writes into a buffer to honour a width nobody asks for here.
//! The text is exactly what `Display` prints (the tests compare them).

use std::net::Ipv4Addr;

/// Appends `n` in decimal, as `{}` prints it.
pub(crate) fn push_u64(s: &mut String, mut n: u64) {
    let mut digits = [0u8; 20];
    let mut i = digits.len();
    loop {
        i -= 1;
        digits[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    for &d in &digits[i..] {
        s.push(d as char);
    }
}

/// Appends `n` in decimal, with a minus sign when negative.
pub(crate) fn push_i64(s: &mut String, n: i64) {
    if n < 0 {
        s.push('-');
    }
    push_u64(s, n.unsigned_abs());
}

/// Appends `n` with at least `width` digits, zero-padded (`{:0width$}`).
pub(crate) fn push_padded(s: &mut String, n: u64, width: usize) {
    let mut digits = 1;
    let mut rest = n / 10;
    while rest > 0 {
        digits += 1;
        rest /= 10;
    }
    for _ in digits..width {
        s.push('0');
    }
    push_u64(s, n);
}

/// Appends a dotted-quad address, as `Ipv4Addr`'s `Display` prints it.
pub(crate) fn push_ipv4(s: &mut String, a: Ipv4Addr) {
    for (i, octet) in a.octets().into_iter().enumerate() {
        if i > 0 {
            s.push('.');
        }
        push_u64(s, u64::from(octet));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with(f: impl FnOnce(&mut String)) -> String {
        let mut s = String::from(">");
        f(&mut s);
        s
    }

    #[test]
    fn numbers_as_display_prints_them() {
        for n in [0u64, 1, 9, 10, 99, 100, 65_535, 1_000_000, u64::MAX] {
            assert_eq!(with(|s| push_u64(s, n)), format!(">{n}"));
            for w in [0, 1, 2, 3, 5] {
                assert_eq!(with(|s| push_padded(s, n, w)), format!(">{n:0w$}"));
            }
        }
        for n in [0i64, -1, 7, -1234, i64::MIN, i64::MAX] {
            assert_eq!(with(|s| push_i64(s, n)), format!(">{n}"));
        }
    }

    #[test]
    fn addresses_as_display_prints_them() {
        for a in ["0.0.0.0", "10.0.0.1", "192.168.100.254", "255.255.255.255", "8.8.8.8"] {
            let a: Ipv4Addr = a.parse().unwrap();
            assert_eq!(with(|s| push_ipv4(s, a)), format!(">{a}"));
        }
    }
}
