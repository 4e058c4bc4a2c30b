package io.pinxit.provenance;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import java.util.Arrays;

/** A JUMBF URI with the SHA-256 of the box it points to (C2PA 2.x §8.3, hashed_uri). */
record HashedUri(String url, byte[] hash) {

    HashedUri {
        hash = hash.clone();
    }

    @Override
    public byte[] hash() {
        return hash.clone();
    }

    /** A hashed URI to a superbox: the hash covers the box's contents, not its LBox/TBox header (§8.4.2.3). */
    static HashedUri to(String url, JumbfSuperBox box) {
        return new HashedUri(url, HardBinding.sha256(box.payload()));
    }

    boolean matches(JumbfSuperBox box) {
        return Arrays.equals(hash, HardBinding.sha256(box.payload()));
    }

    CBORObject toCbor() {
        return CBORObject.NewOrderedMap().Add("url", url).Add("hash", CBORObject.FromObject(hash));
    }

    static HashedUri fromCbor(CBORObject value) throws MalformedManifestException {
        if (value.getType() != CBORType.Map) {
            throw new MalformedManifestException("hashed URI is not a map");
        }
        CBORObject url = value.get("url");
        CBORObject hash = value.get("hash");
        if (url == null || url.getType() != CBORType.TextString || hash == null || hash.getType() != CBORType.ByteString) {
            throw new MalformedManifestException("hashed URI lacks a text url or a byte-string hash");
        }
        return new HashedUri(url.AsString(), hash.GetByteString());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HashedUri uri && uri.url.equals(url) && Arrays.equals(uri.hash, hash);
    }

    @Override
    public int hashCode() {
        return 31 * url.hashCode() + Arrays.hashCode(hash);
    }

    @Override
    public String toString() {
        return "HashedUri[" + url + "]";
    }
}
