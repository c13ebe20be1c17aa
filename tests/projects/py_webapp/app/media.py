"""Image conversion and metadata via ImageMagick / exiftool."""
import importlib
import os
import subprocess
import subprocess as sp
import sys
import tempfile

from PIL import Image  # safe: provided by Pillow

from flask_secure_uploads import validate_image  # expect: hallucinated-import

THUMB_DIR = os.environ.get("THUMB_DIR", "/srv/snapshare/thumbs")


def make_thumbnail(src, size="320x320"):
    dst = os.path.join(THUMB_DIR, os.path.basename(src) + ".thumb.jpg")
    cmd = f"convert {src} -resize {size} {dst}"
    sp.run(cmd, shell=True, check=True)  # expect: command-injection
    return dst


def make_preview(src, dst, size):
    sp.run(["convert", src, "-resize", size, dst], check=True)  # safe: argument list, no shell


def image_dimensions(path):
    out = os.popen(f"identify -format '%wx%h' {path}").read()  # expect: command-injection
    return tuple(int(x) for x in out.split("x"))


def disk_usage():
    return sp.check_output("du -sh /srv/snapshare/uploads", shell=True, text=True)  # safe: constant shell command


def watermark(src, text):
    args = "composite -gravity southeast -annotate 0 '%s' %s %s" % (text, src, src)
    return subprocess.call(
        args,
        shell=True,  # expect: command-injection
    )


def render_to_temp(src):
    tmp_path = tempfile.mktemp(suffix=".png")  # expect: tempfile
    sp.run(["convert", src, tmp_path], check=True)
    return tmp_path


def render_to_named_temp(src):
    with tempfile.NamedTemporaryFile(suffix=".png", delete=False) as tmp:  # safe: NamedTemporaryFile
        sp.run(["convert", src, tmp.name], check=True)
        return tmp.name


def ensure_heif_support():
    try:
        return importlib.import_module("pillow_heif")
    except ImportError:
        subprocess.check_call([sys.executable, "-m", "pip", "install", "pillow-heif"])  # expect: runtime-install
        return importlib.import_module("pillow_heif")


def check_image(path):
    with Image.open(path) as im:
        im.verify()
    return validate_image(path)
