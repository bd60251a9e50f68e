//! The built-in example labs as the page reads them: the lab files of `scenarios/` in the
//! codec's compact form (`packet_engine::codec::scenario`, `examples.bin`), so the page's first
//! load needs no JSON reader for them (issue 15). The JSON stays the source: a native test
//! (`the_blob_is_the_lab_files`) fails when the blob is not exactly the encoding of
//! `packet_engine::examples::all()`, and `PACKET_LAB_BLESS=1 cargo test -p packet-lab examples::`
//! rewrites it.

use packet_engine::scenario::Scenario;

/// Every example with its file stem, in teaching order, encoded.
const BLOB: &[u8] = include_bytes!("examples.bin");

/// Every example as (file stem, lab), in teaching order: `packet_engine::examples::all()`.
pub fn all() -> Vec<(&'static str, Scenario)> {
    packet_engine::codec::scenario::decode_all(BLOB).expect("src/examples.bin is the encoder's (its test)")
}

/// The example of file stem `stem`, if there is one.
pub fn get(stem: &str) -> Option<Scenario> {
    all().into_iter().find(|(s, _)| *s == stem).map(|(_, lab)| lab)
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_blob_is_the_lab_files() {
        let files = packet_engine::examples::all();
        let bytes = packet_engine::codec::scenario::encode_all(&files);
        if std::env::var_os("PACKET_LAB_BLESS").is_some() {
            std::fs::write(concat!(env!("CARGO_MANIFEST_DIR"), "/src/examples.bin"), &bytes).unwrap();
            return;
        }
        assert!(
            bytes == super::BLOB,
            "src/examples.bin is not the encoding of the lab files of scenarios/: rewrite it with \
             PACKET_LAB_BLESS=1 cargo test -p packet-lab examples::"
        );
        assert!(super::all() == files);
        for (stem, lab) in &files {
            assert!(super::get(stem).as_ref() == Some(lab), "{stem}");
        }
        assert!(super::get("no-such-example").is_none());
    }
}
