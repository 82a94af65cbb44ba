//! `core.encode_png`: RGBA pixels to PNG bytes, with the png crate.

/// Encodes `width`×`height` RGBA pixels; `compression` 0-9 like zlib.
pub fn encode_rgba(
    width: u32,
    height: u32,
    rgba: &[u8],
    compression: u8,
) -> Result<Vec<u8>, String> {
    let expected = width as usize * height as usize * 4;
    if rgba.len() != expected {
        return Err(format!(
            "encode_png: {} bytes given, {expected} needed for {width}x{height}",
            rgba.len()
        ));
    }
    let mut bytes = Vec::new();
    {
        let mut encoder = png::Encoder::new(&mut bytes, width, height);
        encoder.set_color(png::ColorType::Rgba);
        encoder.set_depth(png::BitDepth::Eight);
        encoder.set_compression(match compression {
            0..=2 => png::Compression::Fast,
            3..=7 => png::Compression::Balanced,
            _ => png::Compression::High,
        });
        let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
        writer.write_image_data(rgba).map_err(|e| e.to_string())?;
    }
    Ok(bytes)
}
