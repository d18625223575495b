#!/usr/bin/env python3
"""Makes the HEIC fixtures of tests/fixtures/photos/heic/ from the repository's JPEG fixtures.

heif-enc (Debian's libheif-examples, libheif 1.15) encodes the pixels as the JPEG stores them
and writes neither rotation boxes nor grids, so this script takes the HEVC data and decoder
configuration it writes and assembles the files a phone writes: a rotation (`irot`) or mirror
(`imir`) box, an EXIF block with orientation and GPS, an nclx Display P3 colour box, a 2x2
grid of tiles; and broken ones (cut short, an unknown codec, a grid claiming 60000x60000).

Run from the repository root: python3 scripts/make-heic-fixtures.py
`--grid SRC OUT` writes SRC (any size) as a grid of 512x512 tiles, as an iPhone stores a
12 MP photo (scripts/bench-heic.sh uses it); `--single SRC OUT` as one coded picture.
"""
import os
import struct
import subprocess
import sys
import tempfile

SRC = "tests/fixtures/photos"
OUT = "tests/fixtures/photos/heic"


# --- ISOBMFF boxes -----------------------------------------------------------------------

def box(kind, payload):
    return struct.pack(">I", len(payload) + 8) + kind + payload


def full_box(kind, version, flags, payload):
    return box(kind, struct.pack(">I", (version << 24) | flags) + payload)


def children(data):
    """(type, payload, whole box) for each box in data."""
    pos, out = 0, []
    while pos + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[pos:pos + 8])
        out.append((kind, data[pos + 8:pos + size], data[pos:pos + size]))
        pos += size
    return out


def find(boxes, kind):
    return next(b for b in boxes if b[0] == kind)


def read_heif(path):
    """The primary item's property boxes (hvcC, ispe, colr...) and its coded data."""
    data = open(path, "rb").read()
    top = children(data)
    meta = children(find(top, b"meta")[1][4:])
    primary = struct.unpack(">H", find(meta, b"pitm")[1][4:6])[0]
    iprp = children(find(meta, b"iprp")[1])
    props = children(find(iprp, b"ipco")[1])
    ipma = find(iprp, b"ipma")[1]
    count = struct.unpack(">I", ipma[4:8])[0]
    pos, wanted = 8, []
    for _ in range(count):
        item, n = struct.unpack(">HB", ipma[pos:pos + 3])
        pos += 3
        for _ in range(n):
            index = ipma[pos] & 0x7F
            pos += 1
            if item == primary:
                wanted.append(props[index - 1][2])
    iloc = find(meta, b"iloc")[1]
    version = iloc[0]
    sizes = iloc[4]
    base_size = iloc[5] >> 4
    assert sizes == 0x44 and base_size in (0, 4), "heif-enc writes 4-byte offsets"
    pos = 6
    n_items = struct.unpack(">H", iloc[pos:pos + 2])[0]
    pos += 2
    coded = None
    for _ in range(n_items):
        item = struct.unpack(">H", iloc[pos:pos + 2])[0]
        pos += 2 + (2 if version >= 1 else 0) + 2
        base = struct.unpack(">I", iloc[pos:pos + 4])[0] if base_size else 0
        pos += base_size
        extents = struct.unpack(">H", iloc[pos:pos + 2])[0]
        pos += 2
        parts = []
        for _ in range(extents):
            off, length = struct.unpack(">II", iloc[pos:pos + 8])
            pos += 8
            parts.append(data[base + off:base + off + length])
        if item == primary:
            coded = b"".join(parts)
    return wanted, coded


def exif_tiff(jpeg_path, orientation=None):
    """The TIFF bytes of a JPEG's EXIF block, its orientation set when asked."""
    data = open(jpeg_path, "rb").read()
    pos = 2
    while pos + 4 <= len(data):
        marker, size = struct.unpack(">HH", data[pos:pos + 4])
        body = data[pos + 4:pos + 2 + size]
        if marker == 0xFFE1 and body.startswith(b"Exif\0\0"):
            tiff = bytearray(body[6:])
            if orientation is not None:
                set_orientation(tiff, orientation)
            return bytes(tiff)
        pos += 2 + size
    raise SystemExit(f"{jpeg_path}: no EXIF block")


def set_orientation(tiff, value):
    endian = "<" if tiff[:2] == b"II" else ">"
    ifd = struct.unpack(endian + "I", tiff[4:8])[0]
    count = struct.unpack(endian + "H", tiff[ifd:ifd + 2])[0]
    for i in range(count):
        at = ifd + 2 + 12 * i
        if struct.unpack(endian + "H", tiff[at:at + 2])[0] == 0x0112:
            tiff[at + 8:at + 10] = struct.pack(endian + "H", value)
            return
    raise SystemExit("no orientation tag to set")


# --- Writing a HEIF file -----------------------------------------------------------------

class Item:
    def __init__(self, kind, data, props=(), hidden=False, in_idat=False):
        self.kind, self.data, self.props = kind, data, list(props)
        self.hidden, self.in_idat = hidden, in_idat


def write_heif(path, items, primary, refs=()):
    """items: {id: Item}; refs: (type, from, [to]); property boxes are shared by bytes."""
    ipco, index = [], {}
    for item in items.values():
        for prop in item.props:
            if prop not in index:
                ipco.append(prop)
                index[prop] = len(ipco)
    ipma = struct.pack(">I", len(items))
    for item_id, item in items.items():
        ipma += struct.pack(">HB", item_id, len(item.props))
        for prop in item.props:
            essential = 0x80 if prop[4:8] in (b"irot", b"imir", b"hvcC") else 0
            ipma += bytes([essential | index[prop]])
    infe = b"".join(
        full_box(b"infe", 2, 1 if it.hidden else 0,
                 struct.pack(">HH", item_id, 0) + it.kind + b"\0")
        for item_id, it in items.items())
    iinf = full_box(b"iinf", 0, 0, struct.pack(">H", len(items)) + infe)
    iref = b""
    if refs:
        iref = full_box(b"iref", 0, 0, b"".join(
            box(kind, struct.pack(">HH", src, len(dst)) + b"".join(struct.pack(">H", d) for d in dst))
            for kind, src, dst in refs))
    idat_payload = b"".join(it.data for it in items.values() if it.in_idat)
    idat = box(b"idat", idat_payload) if idat_payload else b""

    def iloc(mdat_start):
        body = bytes([0x44, 0x00]) + struct.pack(">H", len(items))
        mdat_off, idat_off = mdat_start, 0
        for item_id, it in items.items():
            method = 1 if it.in_idat else 0
            off = idat_off if it.in_idat else mdat_off
            body += struct.pack(">HHHHII", item_id, method, 0, 1, off, len(it.data))
            if it.in_idat:
                idat_off += len(it.data)
            else:
                mdat_off += len(it.data)
        return full_box(b"iloc", 1, 0, body)

    ftyp = box(b"ftyp", b"heic" + struct.pack(">I", 0) + b"mif1heicmiaf")
    hdlr = full_box(b"hdlr", 0, 0, struct.pack(">I", 0) + b"pict" + b"\0" * 12 + b"\0")
    pitm = full_box(b"pitm", 0, 0, struct.pack(">H", primary))
    iprp = box(b"iprp", box(b"ipco", b"".join(ipco)) + full_box(b"ipma", 0, 0, ipma))

    def meta(mdat_start):
        return full_box(b"meta", 0, 0, hdlr + pitm + iloc(mdat_start) + iinf + iref + iprp + idat)

    head = len(ftyp) + len(meta(0)) + 8
    mdat = box(b"mdat", b"".join(it.data for it in items.values() if not it.in_idat))
    with open(path, "wb") as out:
        out.write(ftyp + meta(head) + mdat)


def ispe(width, height):
    return full_box(b"ispe", 0, 0, struct.pack(">II", width, height))


def irot(quarter_turns_anticlockwise):
    return box(b"irot", bytes([quarter_turns_anticlockwise]))


def imir(axis):
    return box(b"imir", bytes([axis]))


def nclx(primaries, transfer, matrix):
    return box(b"colr", b"nclx" + struct.pack(">HHHB", primaries, transfer, matrix, 0x80))


def encode(tmp, source, name, extra=()):
    """heif-enc's HEVC of `source` (pixels as stored): its property boxes and coded data."""
    out = os.path.join(tmp, name + ".heic")
    subprocess.run(["heif-enc", "-q", "85", *extra, source, "-o", out], check=True,
                   stdout=subprocess.DEVNULL)
    return read_heif(out)


def image_item(props, coded, extra_props=()):
    return Item(b"hvc1", coded, list(props) + list(extra_props))


def grid_from(source, out, tile=512, quality="85"):
    """`source` as a grid of `tile`-sized tiles (edge tiles padded), its EXIF orientation kept
    as the HEIF rotation it means (1, 3, 6 or 8)."""
    size = subprocess.run(["identify", "-format", "%w %h %[EXIF:Orientation]", source],
                          check=True, capture_output=True, text=True).stdout.split()
    width, height = int(size[0]), int(size[1])
    orientation = int(size[2]) if len(size) > 2 and size[2].isdigit() else 1
    turns = {3: 2, 6: 3, 8: 1}.get(orientation)
    columns, rows = -(-width // tile), -(-height // tile)
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(["convert", source, "-crop", f"{tile}x{tile}", "-background", "black",
                        "-extent", f"{tile}x{tile}", "+repage", "PNG24:" + os.path.join(tmp, "t%03d.png")],
                       check=True)
        tiles = {}
        for n in range(rows * columns):
            props, coded = encode(tmp, os.path.join(tmp, f"t{n:03d}.png"), f"t{n:03d}",
                                  ["-q", quality])
            tiles[2 + n] = Item(b"hvc1", coded, props, hidden=True)
        grid_props = [ispe(width, height)] + ([irot(turns)] if turns else [])
        data = bytes([0, 1, rows - 1, columns - 1]) + struct.pack(">II", width, height)
        items = {1: Item(b"grid", data, grid_props, in_idat=True), **tiles}
        write_heif(out, items, 1, refs=[(b"dimg", 1, list(tiles))])


def main():
    if len(sys.argv) == 4 and sys.argv[1] in ("--grid", "--single"):
        if sys.argv[1] == "--grid":
            grid_from(sys.argv[2], sys.argv[3])
        else:
            subprocess.run(["heif-enc", "-q", "85", sys.argv[2], "-o", sys.argv[3]], check=True,
                           stdout=subprocess.DEVNULL)
        return
    os.makedirs(OUT, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        # Landscape_8 is stored turned 90 degrees clockwise: irot 1 (90 anticlockwise) shows it.
        props, coded = encode(tmp, f"{SRC}/orientation/Landscape_8.jpg", "l8")
        write_heif(f"{OUT}/rotation.heic", {1: image_item(props, coded, [irot(1)])}, 1)

        # Landscape_2 is stored mirrored left-right: imir with a vertical axis shows it.
        props, coded = encode(tmp, f"{SRC}/orientation/Landscape_2.jpg", "l2")
        write_heif(f"{OUT}/mirror.heic", {1: image_item(props, coded, [imir(1)])}, 1)

        # As an iPhone writes it: irot turns the picture, and the EXIF block still says 6 (it
        # must not be applied again), with GPS and DateTimeOriginal 2017:02:09.
        props, coded = encode(tmp, f"{SRC}/orientation/Landscape_6.jpg", "l6")
        exif = struct.pack(">I", 0) + exif_tiff(f"{SRC}/gps-samsung-s7.jpg", orientation=6)
        write_heif(f"{OUT}/exif-orientation-gps.heic", {
            1: image_item(props, coded, [irot(3)]),
            2: Item(b"Exif", exif),
        }, 1, refs=[(b"cdsc", 2, [1])])

        # Display P3 said by the nclx box (primaries 12, sRGB transfer, BT.601 matrix).
        props, coded = encode(tmp, f"{SRC}/orientation/Landscape_1.jpg", "p3",
                              ["--colour_primaries", "12", "--transfer_characteristic", "13",
                               "--matrix_coefficients", "6", "--full_range_flag", "1"])
        props = [p for p in props if p[4:8] != b"colr"] + [nclx(12, 13, 6)]
        write_heif(f"{OUT}/display-p3.heic", {1: image_item(props, coded)}, 1)

        # A flat Display P3 red (200, 0, 0): outside sRGB, it must come out a stronger red.
        red = os.path.join(tmp, "red.png")
        subprocess.run(["convert", "-size", "64x64", "xc:rgb(200,0,0)", "PNG24:" + red], check=True)
        props, coded = encode(tmp, red, "red", ["-p", "chroma=444"])
        props = [p for p in props if p[4:8] != b"colr"] + [nclx(12, 13, 6)]
        write_heif(f"{OUT}/p3-red.heic", {1: image_item(props, coded)}, 1)

        # A 2x2 grid of 300x200 tiles showing Landscape_1 (600x400), as phones store photos.
        tiles = {}
        for row in range(2):
            for col in range(2):
                png = os.path.join(tmp, f"tile{row}{col}.png")
                subprocess.run(["convert", f"{SRC}/orientation/Landscape_1.jpg", "-crop",
                                f"300x200+{col * 300}+{row * 200}", "+repage", png], check=True)
                tprops, tcoded = encode(tmp, png, f"tile{row}{col}")
                tiles[2 + row * 2 + col] = Item(b"hvc1", tcoded, tprops, hidden=True)
        grid_data = bytes([0, 0, 1, 1]) + struct.pack(">HH", 600, 400)
        items = {1: Item(b"grid", grid_data, [ispe(600, 400)], in_idat=True), **tiles}
        write_heif(f"{OUT}/grid.heic", items, 1, refs=[(b"dimg", 1, list(tiles))])

        # Broken: a grid claiming 30000x30000 (900 MP, under libheif's own 32768x32768 limit)
        # from the same four small tiles.
        huge = bytes([0, 1, 1, 1]) + struct.pack(">II", 30000, 30000)
        items = {1: Item(b"grid", huge, [ispe(30000, 30000)], in_idat=True), **tiles}
        write_heif(f"{OUT}/huge-grid.heic", items, 1, refs=[(b"dimg", 1, list(tiles))])

        # Broken: an image coded with a codec libheif does not know (VVC item type).
        props, coded = encode(tmp, f"{SRC}/orientation/Landscape_1.jpg", "vvc")
        write_heif(f"{OUT}/unsupported-codec.heic",
                   {1: Item(b"vvc1", coded, [p for p in props if p[4:8] != b"hvcC"])}, 1)

        # Broken: the rotation fixture cut to 60% of its bytes (the coded picture cut short).
        whole = open(f"{OUT}/rotation.heic", "rb").read()
        with open(f"{OUT}/truncated.heic", "wb") as out:
            out.write(whole[: len(whole) * 6 // 10])
    for name in sorted(os.listdir(OUT)):
        print(name, os.path.getsize(os.path.join(OUT, name)))


if __name__ == "__main__":
    sys.exit(main())
