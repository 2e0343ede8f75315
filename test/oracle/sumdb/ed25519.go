package main

import "crypto/ed25519"

// ed25519FromSeed returns the public key of a private key seed.
func ed25519FromSeed(seed []byte) ed25519.PublicKey {
	return ed25519.NewKeyFromSeed(seed).Public().(ed25519.PublicKey)
}
