import { sha256Hex } from "../../../lib/secrets.js";

/**
 * The one script of the managed sign-in pages, served at <base>/assets/passkey.js and loaded only by the
 * passkey pages (sign-in with a passkey, /passkeys/add). WebAuthn has no form-only form: the browser's
 * navigator.credentials must be called from a script. Everything else stays server-side: the script
 * reads the options the server put in the form's data-options (JSON with base64url binaries, as Cognito's
 * CREDENTIAL_REQUEST_OPTIONS and CredentialCreationOptions are), runs the ceremony, puts the result (the
 * JSON Amplify's serde.ts produces) in the form's `credential` field and submits the form — an ordinary
 * POST with its CSRF field. No fetch, no eval, no HTML written: it only shows or hides elements the server
 * drew. Without it (or without WebAuthn) the form posts an empty credential and the server offers the
 * other ways to sign in.
 */
export const PASSKEY_JS = `"use strict";
(function () {
  var form = document.querySelector("form[data-passkey]");
  if (!form) return;
  var field = form.querySelector("input[name=credential]");
  var waiting = document.getElementById("passkey-waiting");
  var failure = document.getElementById("passkey-error");
  var supported = typeof window.PublicKeyCredential === "function" && !!navigator.credentials;
  var busy = false;

  function toBuffer(text) {
    var b64 = text.replace(/-/g, "+").replace(/_/g, "/");
    var binary = atob(b64 + "===".slice((b64.length + 3) % 4));
    var bytes = new Uint8Array(binary.length);
    for (var i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes.buffer;
  }
  function toText(buffer) {
    var bytes = new Uint8Array(buffer);
    var binary = "";
    for (var i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]);
    return btoa(binary).replace(/\\+/g, "-").replace(/\\//g, "_").replace(/=+$/, "");
  }
  function descriptors(list) {
    return (list || []).map(function (item) { return { type: item.type || "public-key", id: toBuffer(item.id), transports: item.transports }; });
  }
  function show(element, visible) {
    if (element) element.hidden = !visible;
  }

  /** The browser's side of a sign-in: PublicKeyCredentialRequestOptions from CREDENTIAL_REQUEST_OPTIONS. */
  function signIn(options) {
    var publicKey = { challenge: toBuffer(options.challenge), rpId: options.rpId, timeout: options.timeout, userVerification: options.userVerification, allowCredentials: descriptors(options.allowCredentials) };
    return navigator.credentials.get({ publicKey: publicKey }).then(function (assertion) {
      var response = assertion.response;
      var json = {
        id: assertion.id, rawId: toText(assertion.rawId), type: assertion.type, authenticatorAttachment: assertion.authenticatorAttachment || undefined,
        clientExtensionResults: assertion.getClientExtensionResults(),
        response: { clientDataJSON: toText(response.clientDataJSON), authenticatorData: toText(response.authenticatorData), signature: toText(response.signature) },
      };
      if (response.userHandle) json.response.userHandle = toText(response.userHandle);
      return json;
    });
  }

  /** The browser's side of a registration: PublicKeyCredentialCreationOptions from CredentialCreationOptions. */
  function register(options) {
    var publicKey = {
      rp: options.rp, challenge: toBuffer(options.challenge), pubKeyCredParams: options.pubKeyCredParams, timeout: options.timeout,
      user: { id: toBuffer(options.user.id), name: options.user.name, displayName: options.user.displayName || "" },
      excludeCredentials: descriptors(options.excludeCredentials), authenticatorSelection: options.authenticatorSelection, attestation: options.attestation || "none",
    };
    return navigator.credentials.create({ publicKey: publicKey }).then(function (credential) {
      var response = credential.response;
      var json = {
        id: credential.id, rawId: toText(credential.rawId), type: credential.type, authenticatorAttachment: credential.authenticatorAttachment || undefined,
        clientExtensionResults: credential.getClientExtensionResults(),
        response: { clientDataJSON: toText(response.clientDataJSON), attestationObject: toText(response.attestationObject), transports: typeof response.getTransports === "function" ? response.getTransports() : [] },
      };
      if (typeof response.getPublicKeyAlgorithm === "function") json.response.publicKeyAlgorithm = response.getPublicKeyAlgorithm();
      if (typeof response.getAuthenticatorData === "function") json.response.authenticatorData = toText(response.getAuthenticatorData());
      return json;
    });
  }

  function run() {
    if (busy) return;
    busy = true;
    show(failure, false);
    show(waiting, true);
    var options;
    try {
      options = JSON.parse(form.getAttribute("data-options"));
    } catch (error) {
      options = null;
    }
    var ceremony = !options ? Promise.reject(new Error("options")) : form.getAttribute("data-passkey") === "create" ? register(options) : signIn(options);
    ceremony.then(
      function (json) {
        field.value = JSON.stringify(json);
        form.submit();
      },
      function (error) {
        busy = false;
        show(waiting, false);
        if (failure) {
          var special = error && error.name === "InvalidStateError" ? failure.getAttribute("data-already") : null;
          if (special) failure.textContent = special;
          show(failure, true);
        }
      },
    );
  }

  form.addEventListener("submit", function (event) {
    // Without WebAuthn the empty credential goes to the server, which offers the other ways in.
    if (!supported || field.value) return;
    event.preventDefault();
    run();
  });
  if (supported && form.getAttribute("data-autostart") === "true") run();
})();
`;

/** Changes with the script, so a long-cached copy is never served for a newer one. */
export const PASSKEY_JS_VERSION = sha256Hex(PASSKEY_JS).slice(0, 12);

export const PASSKEY_JS_PATH = "/assets/passkey.js";
