"""Pure-Python JPEG helpers.

``make_thumbnail`` is a placeholder: it does not resample pixels (that needs an imaging library such
as Pillow, which this example leaves out to stay dependency-free). It computes the thumbnail size from
the JPEG header and returns the original image with a JPEG comment segment recording it, so the
output is still a valid JPEG. Swap in ``PIL.Image.thumbnail`` for a real resize.
"""

SOI = b"\xff\xd8"
# Start-of-frame markers carry the image size; C4 (DHT), C8 (JPG) and CC (DAC) are not frames.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}
_NO_LENGTH = {0x01, 0xD8} | set(range(0xD0, 0xD8))


class NotAJpeg(ValueError):
    pass


def jpeg_size(data):
    """(width, height) read from the first start-of-frame segment."""
    if not data.startswith(SOI):
        raise NotAJpeg("missing JPEG start-of-image marker")
    i = 2
    while i + 4 <= len(data):
        if data[i] != 0xFF:
            raise NotAJpeg(f"bad marker at byte {i}")
        marker = data[i + 1]
        if marker == 0xFF:  # fill byte
            i += 1
            continue
        if marker in _NO_LENGTH:
            i += 2
            continue
        if marker in (0xD9, 0xDA):  # end of image / start of scan before any frame header
            break
        length = int.from_bytes(data[i + 2 : i + 4], "big")
        if marker in _SOF:
            if i + 9 > len(data):
                break
            height = int.from_bytes(data[i + 5 : i + 7], "big")
            width = int.from_bytes(data[i + 7 : i + 9], "big")
            return width, height
        i += 2 + length
    raise NotAJpeg("no frame header found")


def thumbnail_size(width, height, max_edge):
    """Size that fits in max_edge x max_edge, keeping the aspect ratio, never upscaling."""
    scale = min(1.0, max_edge / max(width, height, 1))
    return max(1, round(width * scale)), max(1, round(height * scale))


def make_thumbnail(data, max_edge=256):
    """Returns (jpeg bytes, (width, height) of the thumbnail). Placeholder transform, see module doc."""
    width, height = jpeg_size(data)
    size = thumbnail_size(width, height, max_edge)
    comment = f"strato-thumbnail {size[0]}x{size[1]} of {width}x{height}".encode("ascii")
    segment = b"\xff\xfe" + (len(comment) + 2).to_bytes(2, "big") + comment
    return SOI + segment + data[2:], size
