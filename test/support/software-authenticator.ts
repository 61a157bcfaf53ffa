/**
 * A WebAuthn authenticator in Node, for tests and the benchmark: what navigator.credentials.create/get
 * return, made with node:crypto (ES256 over P-256, or Ed25519 to test a refused algorithm), 'none'
 * attestation, and a signature counter. The CBOR it needs is a few fixed maps, encoded by hand here.
 * Binary fields are base64url, as Amplify and @simplewebauthn/browser serialise them (reference-oauth §13.4, §13.5).
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from "node:crypto";

export interface RegistrationResponseJson {
  id: string;
  rawId: string;
  type: "public-key";
  authenticatorAttachment?: string;
  clientExtensionResults: Record<string, unknown>;
  response: {
    clientDataJSON: string;
    attestationObject: string;
    transports: string[];
    publicKeyAlgorithm: number;
    authenticatorData: string;
  };
}

export interface AuthenticationResponseJson {
  id: string;
  rawId: string;
  type: "public-key";
  authenticatorAttachment?: string;
  clientExtensionResults: Record<string, unknown>;
  response: { clientDataJSON: string; authenticatorData: string; signature: string; userHandle?: string };
}

/** What a ceremony may bend, to make the answers a hostile or broken client would send. */
export interface CeremonyOptions {
  /** The page's origin, as the browser writes it into clientDataJSON. */
  origin: string;
  /** Hash this RP ID into authenticatorData instead of the one the options name. */
  rpId?: string;
  /** Answer this challenge instead of the options' one. */
  challenge?: string;
  /** Set the UV flag (default true: a platform authenticator that checked a PIN or biometric). */
  userVerified?: boolean;
  /** Use this counter value instead of the next one. */
  counter?: number;
}

const b64url = (bytes: Uint8Array): string => Buffer.from(bytes).toString("base64url");
const sha256 = (data: Uint8Array | string): Buffer => createHash("sha256").update(data).digest();

/** CBOR heads (RFC 8949 §3): major type and a length or value, in the shortest form. */
function head(major: number, value: number): Buffer {
  if (value < 24) return Buffer.from([(major << 5) | value]);
  if (value < 0x100) return Buffer.from([(major << 5) | 24, value]);
  if (value < 0x10000) return Buffer.from([(major << 5) | 25, value >> 8, value & 0xff]);
  throw new Error("CBOR value too large for this encoder");
}
type Cbor = number | string | Uint8Array | Map<number | string, Cbor>;
function cbor(value: Cbor): Buffer {
  if (typeof value === "number") return value >= 0 ? head(0, value) : head(1, -1 - value);
  if (typeof value === "string") {
    const text = Buffer.from(value, "utf8");
    return Buffer.concat([head(3, text.length), text]);
  }
  if (value instanceof Uint8Array) return Buffer.concat([head(2, value.length), value]);
  // Entries in the order given: callers list them canonically (CTAP2: shorter keys first).
  return Buffer.concat([head(5, value.size), ...[...value].flatMap(([key, entry]) => [cbor(key), cbor(entry)])]);
}

const FLAG_UP = 0x01;
const FLAG_UV = 0x04;
const FLAG_AT = 0x40;

export type SoftwareAlgorithm = "ES256" | "EdDSA";

export interface SoftwareAuthenticator {
  /** base64url; known after register(). */
  readonly credentialId: string;
  /** The counter the next assertion will carry minus one (0 before the first). */
  counter: number;
  /** navigator.credentials.create with the options StartWebAuthnRegistration returned. */
  register(options: CreationOptions, ceremony: CeremonyOptions): RegistrationResponseJson;
  /** navigator.credentials.get with the options of the WEB_AUTHN challenge (parsed CREDENTIAL_REQUEST_OPTIONS). */
  assert(options: RequestOptions, ceremony: CeremonyOptions): AuthenticationResponseJson;
  /** The same key and credential with a counter of its own: a cloned authenticator. */
  clone(): SoftwareAuthenticator;
}

export interface CreationOptions {
  rp: { id: string; name?: string };
  user: { id: string; name?: string; displayName?: string };
  challenge: string;
  [member: string]: unknown;
}

export interface RequestOptions {
  challenge: string;
  rpId: string;
  allowCredentials?: { id: string; type: string }[];
  [member: string]: unknown;
}

interface KeyState {
  algorithm: SoftwareAlgorithm;
  privateKey: KeyObject;
  coseKey: Buffer;
  credentialId: Buffer;
  userHandle: string | null;
}

function newKey(algorithm: SoftwareAlgorithm): Omit<KeyState, "credentialId" | "userHandle"> {
  if (algorithm === "EdDSA") {
    const { privateKey, publicKey } = generateKeyPairSync("ed25519");
    const x = Buffer.from(publicKey.export({ format: "jwk" }).x!, "base64url");
    // COSE_Key OKP: kty 1, alg -8 (EdDSA), crv 6 (Ed25519), x.
    return {
      algorithm,
      privateKey,
      coseKey: cbor(
        new Map<number, Cbor>([
          [1, 1],
          [3, -8],
          [-1, 6],
          [-2, x],
        ]),
      ),
    };
  }
  const { privateKey, publicKey } = generateKeyPairSync("ec", { namedCurve: "P-256" });
  const jwk = publicKey.export({ format: "jwk" });
  // COSE_Key EC2: kty 2, alg -7 (ES256), crv 1 (P-256), x, y.
  return {
    algorithm,
    privateKey,
    coseKey: cbor(
      new Map<number, Cbor>([
        [1, 2],
        [3, -7],
        [-1, 1],
        [-2, Buffer.from(jwk.x!, "base64url")],
        [-3, Buffer.from(jwk.y!, "base64url")],
      ]),
    ),
  };
}

function clientData(type: "webauthn.create" | "webauthn.get", challenge: string, origin: string): Buffer {
  return Buffer.from(JSON.stringify({ type, challenge, origin, crossOrigin: false }), "utf8");
}

function authenticatorData(rpId: string, flags: number, counter: number, attested?: Buffer): Buffer {
  const count = Buffer.alloc(4);
  count.writeUInt32BE(counter >>> 0);
  return Buffer.concat([sha256(rpId), Buffer.from([flags]), count, ...(attested ? [attested] : [])]);
}

/**
 * A new authenticator. `countsUses: false` behaves like the many passkey providers that always report
 * a counter of 0 (iCloud Keychain, Google Password Manager).
 */
export function createSoftwareAuthenticator(
  options: {
    algorithm?: SoftwareAlgorithm;
    countsUses?: boolean;
    attachment?: "platform" | "cross-platform";
    transports?: string[];
  } = {},
): SoftwareAuthenticator {
  const key: KeyState = { ...newKey(options.algorithm ?? "ES256"), credentialId: randomBytes(32), userHandle: null };
  return build(
    key,
    0,
    options.countsUses ?? true,
    options.attachment ?? "platform",
    options.transports ?? ["internal", "hybrid"],
  );
}

function build(
  key: KeyState,
  startCounter: number,
  countsUses: boolean,
  attachment: string,
  transports: string[],
): SoftwareAuthenticator {
  const authenticator: SoftwareAuthenticator = {
    get credentialId() {
      return b64url(key.credentialId);
    },
    counter: startCounter,

    register(creation, ceremony) {
      key.userHandle = creation.user.id;
      const flags = FLAG_UP | FLAG_AT | ((ceremony.userVerified ?? true) ? FLAG_UV : 0);
      const idLength = Buffer.alloc(2);
      idLength.writeUInt16BE(key.credentialId.length);
      // AAGUID all zeros, as a 'none' attestation usually reports it.
      const attested = Buffer.concat([Buffer.alloc(16), idLength, key.credentialId, key.coseKey]);
      const authData = authenticatorData(
        ceremony.rpId ?? creation.rp.id,
        flags,
        ceremony.counter ?? authenticator.counter,
        attested,
      );
      const attestationObject = cbor(
        new Map<string, Cbor>([
          ["fmt", "none"],
          ["attStmt", new Map()],
          ["authData", authData],
        ]),
      );
      const id = b64url(key.credentialId);
      return {
        id,
        rawId: id,
        type: "public-key",
        authenticatorAttachment: attachment,
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(
            clientData("webauthn.create", ceremony.challenge ?? creation.challenge, ceremony.origin),
          ),
          attestationObject: b64url(attestationObject),
          transports,
          publicKeyAlgorithm: key.algorithm === "ES256" ? -7 : -8,
          authenticatorData: b64url(authData),
        },
      };
    },

    assert(request, ceremony) {
      const counter = ceremony.counter ?? (countsUses ? authenticator.counter + 1 : 0);
      if (countsUses && ceremony.counter === undefined) authenticator.counter = counter;
      const flags = FLAG_UP | ((ceremony.userVerified ?? true) ? FLAG_UV : 0);
      const authData = authenticatorData(ceremony.rpId ?? request.rpId, flags, counter);
      const data = clientData("webauthn.get", ceremony.challenge ?? request.challenge, ceremony.origin);
      const signed = Buffer.concat([authData, sha256(data)]);
      // ES256 signatures are DER (what node:crypto makes by default), as WebAuthn wants them.
      const signature =
        key.algorithm === "ES256" ? sign("sha256", signed, key.privateKey) : sign(null, signed, key.privateKey);
      const id = b64url(key.credentialId);
      return {
        id,
        rawId: id,
        type: "public-key",
        authenticatorAttachment: attachment,
        clientExtensionResults: {},
        response: {
          clientDataJSON: b64url(data),
          authenticatorData: b64url(authData),
          signature: b64url(signature),
          ...(key.userHandle ? { userHandle: key.userHandle } : {}),
        },
      };
    },

    clone() {
      return build(key, authenticator.counter, countsUses, attachment, transports);
    },
  };
  return authenticator;
}
