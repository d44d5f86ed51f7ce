#!/usr/bin/env python3
"""Builds resources/fonts/NotoSansCJKsc-Fallback-{Regular,Bold}.otf: the CJK ideographs that Noto Sans SC (the PDF
font, npm @expo-google-fonts/noto-sans-sc) lacks but Noto Sans CJK SC has — CJK Extension B and later (𠮷, 𡈽, …) and a
few rare BMP ideographs — so that rare characters in names print in generated PDFs.

Source: Debian's fonts-noto-cjk (Noto Sans CJK, SIL Open Font License 1.1, the same licence as Noto Sans SC; the
reserved font name is "Source", which a subset of "Noto Sans CJK" does not use). Subsetting goes through HarfBuzz's
hb-subset (libharfbuzz-subset.so.0, via ctypes), which keeps the CFF outlines and the font's names.

Run once, by hand, when the font should change (the result is committed; the app never reads system fonts):
    node scripts/fallback-codepoints.mjs > /tmp/cps.txt    # or any list of hex code points, one a line
    python3 scripts/make-fallback-font.py /tmp/cps.txt
"""
import ctypes
import pathlib
import sys

HB = ctypes.CDLL("libharfbuzz-subset.so.0")
HB.hb_blob_create_from_file.restype = ctypes.c_void_p
HB.hb_blob_create_from_file.argtypes = [ctypes.c_char_p]
HB.hb_face_create.restype = ctypes.c_void_p
HB.hb_face_create.argtypes = [ctypes.c_void_p, ctypes.c_uint]
HB.hb_subset_input_create_or_fail.restype = ctypes.c_void_p
HB.hb_subset_input_unicode_set.restype = ctypes.c_void_p
HB.hb_subset_input_unicode_set.argtypes = [ctypes.c_void_p]
HB.hb_set_add.argtypes = [ctypes.c_void_p, ctypes.c_uint32]
HB.hb_subset_input_set_flags.argtypes = [ctypes.c_void_p, ctypes.c_uint]
HB.hb_subset_or_fail.restype = ctypes.c_void_p
HB.hb_subset_or_fail.argtypes = [ctypes.c_void_p, ctypes.c_void_p]
HB.hb_face_reference_blob.restype = ctypes.c_void_p
HB.hb_face_reference_blob.argtypes = [ctypes.c_void_p]
HB.hb_blob_get_data.restype = ctypes.POINTER(ctypes.c_char)
HB.hb_blob_get_data.argtypes = [ctypes.c_void_p, ctypes.POINTER(ctypes.c_uint)]
HB.hb_face_get_glyph_count.restype = ctypes.c_uint
HB.hb_face_get_glyph_count.argtypes = [ctypes.c_void_p]

HB_SUBSET_FLAGS_NO_HINTING = 0x1

SOURCES = {
    "Regular": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
    "Bold": "/usr/share/fonts/opentype/noto/NotoSansCJK-Bold.ttc",
}
SC_FACE = 2  # jp, kr, sc, tc, hk, … in fonts-noto-cjk's collections

def subset(src: str, cps: list[int]) -> tuple[bytes, int]:
    face = HB.hb_face_create(HB.hb_blob_create_from_file(src.encode()), SC_FACE)
    inp = HB.hb_subset_input_create_or_fail()
    uset = HB.hb_subset_input_unicode_set(inp)
    for cp in cps:
        HB.hb_set_add(uset, cp)
    HB.hb_subset_input_set_flags(inp, HB_SUBSET_FLAGS_NO_HINTING)
    out = HB.hb_subset_or_fail(face, inp)
    if not out:
        raise SystemExit(f"hb-subset failed for {src}")
    blob = HB.hb_face_reference_blob(out)
    n = ctypes.c_uint(0)
    data = HB.hb_blob_get_data(blob, ctypes.byref(n))
    return ctypes.string_at(data, n.value), HB.hb_face_get_glyph_count(out)

def main() -> None:
    cps = [int(x, 16) for x in pathlib.Path(sys.argv[1]).read_text().split()]
    outdir = pathlib.Path(__file__).resolve().parent.parent / "resources" / "fonts"
    for weight, src in SOURCES.items():
        data, glyphs = subset(src, cps)
        target = outdir / f"NotoSansCJKsc-Fallback-{weight}.otf"
        target.write_bytes(data)
        print(f"{target.name}: {len(cps)} code points, {glyphs} glyphs, {len(data):,} bytes")

if __name__ == "__main__":
    main()
