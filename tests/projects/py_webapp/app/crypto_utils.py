"""Field-level encryption for EXIF location data and exported archives."""
import base64
import os

from Crypto.Cipher import AES  # safe: provided by pycryptodome
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

DATA_KEY = base64.b64decode(os.environ["DATA_KEY"])  # safe: key material from the environment


def encrypt_location(plaintext: bytes) -> bytes:
    nonce = os.urandom(12)  # safe: fresh random nonce per message
    return nonce + AESGCM(DATA_KEY).encrypt(nonce, plaintext, None)


def encrypt_export(data: bytes) -> bytes:
    iv = bytes(16)  # expect: static-iv
    pad = 16 - len(data) % 16
    enc = Cipher(algorithms.AES(DATA_KEY), modes.CBC(iv)).encryptor()  # expect: cbc-no-mac
    return enc.update(data + bytes([pad]) * pad) + enc.finalize()


def obfuscate_id(photo_id: int) -> str:
    cipher = AES.new(DATA_KEY[:16], AES.MODE_ECB)  # expect: ecb
    return cipher.encrypt(photo_id.to_bytes(16, "big")).hex()


def new_signing_keypair():
    return rsa.generate_private_key(public_exponent=65537, key_size=1024)  # expect: weak-rsa


def new_partner_keypair():
    return rsa.generate_private_key(public_exponent=65537, key_size=3072)  # safe: 3072-bit RSA
