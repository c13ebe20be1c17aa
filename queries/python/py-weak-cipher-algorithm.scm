; Broken or legacy ciphers: DES, 3DES, RC4, Blowfish, RC2, CAST, IDEA, SEED (PyCryptodome,
; PyCrypto, cryptography incl. the hazmat.decrepit module, pyDes).
((call function: (_) @callee) @match
  (#resolves-to? @callee "Crypto*.Cipher.DES.new" "Crypto*.Cipher.DES3.new" "Crypto*.Cipher.ARC4.new" "Crypto*.Cipher.Blowfish.new" "Crypto*.Cipher.ARC2.new" "Crypto*.Cipher.CAST.new" "Crypto*.Cipher.XOR.new" "cryptography.hazmat.*algorithms.TripleDES" "cryptography.hazmat.*algorithms.ARC4" "cryptography.hazmat.*algorithms.Blowfish" "cryptography.hazmat.*algorithms.IDEA" "cryptography.hazmat.*algorithms.CAST5" "cryptography.hazmat.*algorithms.SEED" "cryptography.hazmat.*algorithms.RC2" "pyDes.des" "pyDes.triple_des"))
