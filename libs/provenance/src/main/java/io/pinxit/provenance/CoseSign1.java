package io.pinxit.provenance;

import com.upokecenter.cbor.CBORObject;
import com.upokecenter.cbor.CBORType;
import java.io.ByteArrayInputStream;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;

/**
 * A claim signature: a tagged COSE_Sign1 (RFC 9052 §4.2) with a detached payload, the claim bytes, as C2PA 2.x §14.2
 * requires. Only ES256 is produced and accepted. The certificate chain sits in the protected {@code x5chain} header.
 */
record CoseSign1(byte[] protectedHeader, long algorithm, List<X509Certificate> chain, byte[] signature) {

    static final int TAG = 18;
    static final int HEADER_ALGORITHM = 1;
    static final int HEADER_X5CHAIN = 33;
    static final int ES256 = -7;
    /** ES256 signatures are the raw r and s values, 32 bytes each (RFC 9053 §2.1), not DER. */
    static final int ES256_SIGNATURE_LENGTH = 64;
    private static final String JCA_ES256 = "SHA256withECDSAinP1363Format";
    private static final int MAX_CERTIFICATES = 10;

    CoseSign1 {
        protectedHeader = protectedHeader.clone();
        chain = List.copyOf(chain);
        signature = signature.clone();
    }

    static CoseSign1 sign(byte[] payload, SigningCredentials credentials) throws GeneralSecurityException {
        CBORObject x5chain = CBORObject.NewArray();
        for (X509Certificate certificate : credentials.chain()) {
            x5chain.Add(CBORObject.FromObject(certificate.getEncoded()));
        }
        CBORObject header = CBORObject.NewOrderedMap()
                .Add(HEADER_ALGORITHM, ES256)
                // RFC 9360 §2: a single certificate is a bstr, several are an array of bstr
                .Add(HEADER_X5CHAIN, credentials.chain().size() == 1 ? x5chain.get(0) : x5chain);
        byte[] protectedHeader = DeterministicCbor.encode(header);
        Signature signer = Signature.getInstance(JCA_ES256);
        signer.initSign(credentials.privateKey());
        signer.update(signatureStructure(protectedHeader, payload));
        return new CoseSign1(protectedHeader, ES256, credentials.chain(), signer.sign());
    }

    byte[] toBytes() {
        CBORObject message = CBORObject.NewArray()
                .Add(CBORObject.FromObject(protectedHeader))
                .Add(CBORObject.NewOrderedMap())
                .Add(CBORObject.Null)
                .Add(CBORObject.FromObject(signature));
        return DeterministicCbor.encode(CBORObject.FromObjectAndTag(message, TAG));
    }

    static CoseSign1 parse(byte[] bytes) throws MalformedManifestException {
        CBORObject message = DeterministicCbor.decode(bytes);
        if (!message.HasMostOuterTag(TAG)) {
            throw new MalformedManifestException("claim signature is not a tagged COSE_Sign1 (CBOR tag 18)");
        }
        CBORObject array = message.Untag();
        if (array.getType() != CBORType.Array || array.size() != 4) {
            throw new MalformedManifestException("claim signature is not a COSE_Sign1 array of four items");
        }
        if (array.get(0).getType() != CBORType.ByteString || array.get(3).getType() != CBORType.ByteString) {
            throw new MalformedManifestException("COSE_Sign1 protected header or signature is not a byte string");
        }
        byte[] protectedHeader = array.get(0).GetByteString();
        CBORObject header = DeterministicCbor.decode(protectedHeader);
        if (header.getType() != CBORType.Map) {
            throw new MalformedManifestException("COSE_Sign1 protected header is not a map");
        }
        CBORObject algorithm = header.get(HEADER_ALGORITHM);
        if (algorithm == null || algorithm.getType() != CBORType.Integer || !algorithm.CanValueFitInInt64()) {
            throw new MalformedManifestException("COSE_Sign1 protected header has no algorithm");
        }
        CBORObject x5chain = header.get(HEADER_X5CHAIN);
        CBORObject unprotected = array.get(1);
        if (x5chain == null && unprotected.getType() == CBORType.Map) {
            x5chain = unprotected.get(HEADER_X5CHAIN); // C2PA 1.x placed the chain in the unprotected header
        }
        if (x5chain == null) {
            throw new MalformedManifestException("COSE_Sign1 has no x5chain header with the signing certificate");
        }
        return new CoseSign1(protectedHeader, algorithm.AsInt64Value(), certificates(x5chain), array.get(3).GetByteString());
    }

    private static List<X509Certificate> certificates(CBORObject x5chain) throws MalformedManifestException {
        List<CBORObject> items = x5chain.getType() == CBORType.Array ? List.copyOf(x5chain.getValues()) : List.of(x5chain);
        if (items.isEmpty() || items.size() > MAX_CERTIFICATES) {
            throw new MalformedManifestException("x5chain holds " + items.size() + " certificates, expected 1 to " + MAX_CERTIFICATES);
        }
        List<X509Certificate> chain = new ArrayList<>();
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            for (CBORObject item : items) {
                if (item.getType() != CBORType.ByteString) {
                    throw new MalformedManifestException("x5chain entry is not a byte string");
                }
                chain.add((X509Certificate) factory.generateCertificate(new ByteArrayInputStream(item.GetByteString())));
            }
        } catch (CertificateException e) {
            throw new MalformedManifestException("x5chain holds an unreadable certificate: " + e.getMessage(), e);
        }
        return chain;
    }

    /** Whether the signature is a valid ES256 signature by the first certificate's key over {@code payload}. */
    boolean verifies(byte[] payload) throws GeneralSecurityException {
        if (algorithm != ES256 || signature.length != ES256_SIGNATURE_LENGTH) {
            return false;
        }
        Signature verifier = Signature.getInstance(JCA_ES256);
        verifier.initVerify(chain.get(0).getPublicKey());
        verifier.update(signatureStructure(protectedHeader, payload));
        return verifier.verify(signature);
    }

    /** Sig_structure (RFC 9052 §4.4) for COSE_Sign1 with empty external additional authenticated data. */
    private static byte[] signatureStructure(byte[] protectedHeader, byte[] payload) {
        return DeterministicCbor.encode(CBORObject.NewArray()
                .Add("Signature1")
                .Add(CBORObject.FromObject(protectedHeader))
                .Add(CBORObject.FromObject(new byte[0]))
                .Add(CBORObject.FromObject(payload)));
    }
}
