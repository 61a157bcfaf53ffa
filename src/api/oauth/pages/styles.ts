import { sha256Hex } from "../../../lib/secrets.js";

/**
 * The one stylesheet of the managed sign-in pages, served at <base>/assets/login.css. Selectors are
 * single classes (Cognito's customizable ones where Cognito has one), so a pool's own CSS, inlined
 * after this file with the same specificity, wins (reference-oauth §8.4). The button's border is
 * transparent (forced-colors mode still draws it as the button's edge), so a pool that changes only its
 * background gets no border of the gateway's blue around it.
 */
export const LOGIN_CSS = `
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,"Noto Sans",sans-serif;font-size:16px;line-height:1.5;color:#1f2328;background:#f3f4f6}
.background-customizable{min-height:100vh;display:flex;align-items:flex-start;justify-content:center;padding:48px 16px;background:#f3f4f6}
.card{width:100%;max-width:400px;background:#fff;border:1px solid #e5e7eb;border-radius:12px;box-shadow:0 1px 2px rgba(16,24,40,.06),0 8px 24px rgba(16,24,40,.08);overflow:hidden}
.banner-customizable{padding:24px 24px 0;text-align:center;background:#fff}
.logo-customizable{display:block;max-width:100%;max-height:80px;margin:0 auto 8px;width:auto;height:auto}
.pool-name{margin:0;font-size:.875rem;color:#57606a;overflow-wrap:anywhere}
.content{padding:16px 24px 24px}
h1{margin:8px 0 16px;font-size:1.375rem;font-weight:650;line-height:1.3;text-align:center}
.textDescription-customizable{margin:0 0 16px;color:#57606a;font-size:.9375rem;overflow-wrap:anywhere}
.notice{margin:0 0 16px;padding:10px 12px;border-radius:8px;background:#ecfdf3;border:1px solid #abefc6;color:#05603a;font-size:.9375rem}
.errorMessage-customizable{margin:0 0 16px;padding:10px 12px;border-radius:8px;background:#fef3f2;border:1px solid #fecdca;color:#b42318;font-size:.9375rem;overflow-wrap:anywhere}
form{margin:0}
.field{margin:0 0 14px}
.label-customizable{display:block;margin:0 0 6px;font-size:.875rem;font-weight:600;color:#1f2328}
.hint{display:block;margin:4px 0 0;font-size:.8125rem;color:#57606a}
.inputField-customizable{display:block;width:100%;min-height:44px;padding:10px 12px;font:inherit;color:#1f2328;background:#fff;border:1px solid #d0d7de;border-radius:8px;appearance:none}
.inputField-customizable:focus{outline:3px solid rgba(37,99,235,.35);outline-offset:1px;border-color:#2563eb}
.inputField-customizable[aria-invalid=true]{border-color:#d92d20}
.code-input{letter-spacing:.3em;font-variant-numeric:tabular-nums;font-size:1.25rem;text-align:center}
.submitButton-customizable{display:block;width:100%;min-height:44px;margin:18px 0 0;padding:10px 16px;font:inherit;font-weight:600;color:#fff;background:#2563eb;border:1px solid transparent;border-radius:8px;cursor:pointer}
.submitButton-customizable:hover{background:#1d4ed8}
.submitButton-customizable:focus-visible,.link-button:focus-visible,a:focus-visible,summary:focus-visible,.choice input:focus-visible{outline:3px solid rgba(37,99,235,.45);outline-offset:2px}
a{color:#1d4ed8;text-decoration:underline;text-underline-offset:2px}
a:hover{color:#1e40af}
.links{display:flex;flex-wrap:wrap;justify-content:space-between;gap:8px;margin:16px 0 0;font-size:.9375rem}
.links.center{justify-content:center}
.link-button{padding:0;font:inherit;color:#1d4ed8;background:none;border:0;text-decoration:underline;text-underline-offset:2px;cursor:pointer}
.inline-form{display:inline}
.divider{margin:20px 0 0;padding:16px 0 0;border-top:1px solid #e5e7eb;text-align:center;font-size:.9375rem;color:#57606a}
fieldset{margin:0;padding:0;border:0}
legend{margin:0 0 8px;padding:0;font-size:.875rem;font-weight:600}
.choice{display:flex;align-items:center;gap:10px;margin:0 0 8px;padding:12px;border:1px solid #d0d7de;border-radius:8px;cursor:pointer}
.choice input{width:18px;height:18px;margin:0;accent-color:#2563eb}
.factors{margin:0}
.factor-button{display:block;width:100%;min-height:44px;margin:0 0 10px;padding:10px 16px;font:inherit;font-weight:600;color:#1f2328;background:#fff;border:1px solid #d0d7de;border-radius:8px;cursor:pointer;text-align:center}
.factor-button:hover{background:#f6f8fa;border-color:#8c959f}
.factor-button:focus-visible{outline:3px solid rgba(37,99,235,.45);outline-offset:2px}
.signing-in-as{text-align:center}
.signing-in-as a{white-space:nowrap}
[hidden]{display:none!important}
.qr{display:block;width:200px;height:200px;margin:0 auto 12px;image-rendering:pixelated;border:1px solid #e5e7eb;border-radius:8px}
details{margin:0 0 16px;font-size:.9375rem}
summary{cursor:pointer;color:#1d4ed8}
.secret{display:block;margin:8px 0 0;padding:8px 10px;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.875rem;letter-spacing:.05em;background:#f6f8fa;border:1px solid #d0d7de;border-radius:6px;overflow-wrap:anywhere}
.steps{margin:0 0 16px;padding-left:20px;color:#57606a;font-size:.9375rem}
.legalText-customizable{margin:16px 0 0;font-size:.75rem;color:#6e7781;text-align:center}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
@media (max-width:480px){.background-customizable{padding:16px 8px}.content{padding:12px 16px 20px}.banner-customizable{padding:16px 16px 0}}
`;

/** Changes with the stylesheet, so a long-cached copy is never served for a newer one. */
export const LOGIN_CSS_VERSION = sha256Hex(LOGIN_CSS).slice(0, 12);

export const LOGIN_CSS_PATH = "/assets/login.css";
