//! The one place a file is offered for download: a Blob URL clicked through an anchor. Used
//! for the lab file, the progress file and the captures.

use wasm_bindgen::JsCast;

/// Offers `bytes` as a file called `name` of MIME type `mime`.
pub fn offer(bytes: &[u8], name: &str, mime: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let data = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&data);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options) else { return };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else { return };
    if let Some(a) = document.create_element("a").ok().and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok()) {
        a.set_href(&url);
        a.set_download(name);
        a.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}
