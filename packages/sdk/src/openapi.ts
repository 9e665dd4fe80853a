/**
 * Latchkey's HTTP API as TypeScript types, generated from its OpenAPI document
 * (src/http/routes.ts + src/http/schemas.ts) by `npm run sdk:types`. Do not edit by hand:
 * change the route declarations and regenerate; a test fails while this file is stale.
 */

export interface paths {
    "/metrics": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Prometheus metrics (text exposition format) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Verify credentials with the provider and return a one-time code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        client_id: string;
                        name: string;
                        email_address: string;
                        /** @description `imap`, a known password provider (`yahoo`, `aol`, `icloud`, …), `gmail` or `office365`/`graph` (OAuth refresh token), or `exchange` (EWS). */
                        provider: string;
                        settings: {
                            imap_host?: string;
                            imap_port?: number | string;
                            /** @description Defaults to email_address. */
                            imap_username?: string;
                            imap_password?: string;
                            smtp_host?: string;
                            smtp_port?: number | string;
                            /** @description Defaults to the IMAP username. */
                            smtp_username?: string;
                            /** @description Defaults to the IMAP password. */
                            smtp_password?: string;
                            /** @description Default true: no password is sent before TLS. */
                            ssl_required?: boolean | string;
                            /**
                             * @description Default auto: 993 implicit TLS, other ports STARTTLS; a port that speaks the other TLS mode is used that way.
                             * @enum {string}
                             */
                            imap_security?: "ssl" | "starttls" | "none" | "auto";
                            /**
                             * @description Default auto: 465 implicit TLS, other ports STARTTLS.
                             * @enum {string}
                             */
                            smtp_security?: "ssl" | "starttls" | "none" | "auto";
                            /** @description Known password providers (yahoo, aol, icloud, …): the only required setting. With provider imap: the missing servers are detected. */
                            password?: string;
                            /** @description Known password providers: the login name; defaults to email_address. Provider exchange: required (user@domain or DOMAIN\user). */
                            username?: string;
                            /** @description Provider gmail (G1): the OAuth client that issued the refresh token. */
                            google_client_id?: string;
                            /** @description Provider gmail: that client’s secret. Stored encrypted. */
                            google_client_secret?: string;
                            /** @description Provider gmail: a refresh token with the https://mail.google.com/ and openid email scopes. Stored encrypted. */
                            google_refresh_token?: string;
                            /** @description Providers office365, graph (M1): the Azure app registration that issued the refresh token. */
                            microsoft_client_id?: string;
                            /** @description Providers office365, graph: that app’s secret. Stored encrypted. */
                            microsoft_client_secret?: string;
                            /** @description Providers office365, graph: a refresh token granted IMAP.AccessAsUser.All, SMTP.Send and offline_access. Stored encrypted. */
                            microsoft_refresh_token?: string;
                            /** @description Providers office365, graph: the redirect URI the refresh token was obtained with. */
                            redirect_uri?: string;
                            /** @description Provider exchange (E1): the EWS host (optionally host:port); absent → Autodiscover. */
                            exchange_server_host?: string;
                            /** @description Provider exchange: the older name of exchange_server_host. */
                            eas_server_host?: string;
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description Comma-separated v2 scopes (or an array); default email,calendar,contacts. */
                        scopes?: string | string[];
                        /** @description An existing account of this application with the same address. */
                        reauth_account_id?: string;
                    };
                    "application/x-www-form-urlencoded": {
                        client_id: string;
                        name: string;
                        email_address: string;
                        /** @description `imap`, a known password provider (`yahoo`, `aol`, `icloud`, …), `gmail` or `office365`/`graph` (OAuth refresh token), or `exchange` (EWS). */
                        provider: string;
                        settings: {
                            imap_host?: string;
                            imap_port?: number | string;
                            /** @description Defaults to email_address. */
                            imap_username?: string;
                            imap_password?: string;
                            smtp_host?: string;
                            smtp_port?: number | string;
                            /** @description Defaults to the IMAP username. */
                            smtp_username?: string;
                            /** @description Defaults to the IMAP password. */
                            smtp_password?: string;
                            /** @description Default true: no password is sent before TLS. */
                            ssl_required?: boolean | string;
                            /**
                             * @description Default auto: 993 implicit TLS, other ports STARTTLS; a port that speaks the other TLS mode is used that way.
                             * @enum {string}
                             */
                            imap_security?: "ssl" | "starttls" | "none" | "auto";
                            /**
                             * @description Default auto: 465 implicit TLS, other ports STARTTLS.
                             * @enum {string}
                             */
                            smtp_security?: "ssl" | "starttls" | "none" | "auto";
                            /** @description Known password providers (yahoo, aol, icloud, …): the only required setting. With provider imap: the missing servers are detected. */
                            password?: string;
                            /** @description Known password providers: the login name; defaults to email_address. Provider exchange: required (user@domain or DOMAIN\user). */
                            username?: string;
                            /** @description Provider gmail (G1): the OAuth client that issued the refresh token. */
                            google_client_id?: string;
                            /** @description Provider gmail: that client’s secret. Stored encrypted. */
                            google_client_secret?: string;
                            /** @description Provider gmail: a refresh token with the https://mail.google.com/ and openid email scopes. Stored encrypted. */
                            google_refresh_token?: string;
                            /** @description Providers office365, graph (M1): the Azure app registration that issued the refresh token. */
                            microsoft_client_id?: string;
                            /** @description Providers office365, graph: that app’s secret. Stored encrypted. */
                            microsoft_client_secret?: string;
                            /** @description Providers office365, graph: a refresh token granted IMAP.AccessAsUser.All, SMTP.Send and offline_access. Stored encrypted. */
                            microsoft_refresh_token?: string;
                            /** @description Providers office365, graph: the redirect URI the refresh token was obtained with. */
                            redirect_uri?: string;
                            /** @description Provider exchange (E1): the EWS host (optionally host:port); absent → Autodiscover. */
                            exchange_server_host?: string;
                            /** @description Provider exchange: the older name of exchange_server_host. */
                            eas_server_host?: string;
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description Comma-separated v2 scopes (or an array); default email,calendar,contacts. */
                        scopes?: string | string[];
                        /** @description An existing account of this application with the same address. */
                        reauth_account_id?: string;
                    };
                    "text/plain": {
                        client_id: string;
                        name: string;
                        email_address: string;
                        /** @description `imap`, a known password provider (`yahoo`, `aol`, `icloud`, …), `gmail` or `office365`/`graph` (OAuth refresh token), or `exchange` (EWS). */
                        provider: string;
                        settings: {
                            imap_host?: string;
                            imap_port?: number | string;
                            /** @description Defaults to email_address. */
                            imap_username?: string;
                            imap_password?: string;
                            smtp_host?: string;
                            smtp_port?: number | string;
                            /** @description Defaults to the IMAP username. */
                            smtp_username?: string;
                            /** @description Defaults to the IMAP password. */
                            smtp_password?: string;
                            /** @description Default true: no password is sent before TLS. */
                            ssl_required?: boolean | string;
                            /**
                             * @description Default auto: 993 implicit TLS, other ports STARTTLS; a port that speaks the other TLS mode is used that way.
                             * @enum {string}
                             */
                            imap_security?: "ssl" | "starttls" | "none" | "auto";
                            /**
                             * @description Default auto: 465 implicit TLS, other ports STARTTLS.
                             * @enum {string}
                             */
                            smtp_security?: "ssl" | "starttls" | "none" | "auto";
                            /** @description Known password providers (yahoo, aol, icloud, …): the only required setting. With provider imap: the missing servers are detected. */
                            password?: string;
                            /** @description Known password providers: the login name; defaults to email_address. Provider exchange: required (user@domain or DOMAIN\user). */
                            username?: string;
                            /** @description Provider gmail (G1): the OAuth client that issued the refresh token. */
                            google_client_id?: string;
                            /** @description Provider gmail: that client’s secret. Stored encrypted. */
                            google_client_secret?: string;
                            /** @description Provider gmail: a refresh token with the https://mail.google.com/ and openid email scopes. Stored encrypted. */
                            google_refresh_token?: string;
                            /** @description Providers office365, graph (M1): the Azure app registration that issued the refresh token. */
                            microsoft_client_id?: string;
                            /** @description Providers office365, graph: that app’s secret. Stored encrypted. */
                            microsoft_client_secret?: string;
                            /** @description Providers office365, graph: a refresh token granted IMAP.AccessAsUser.All, SMTP.Send and offline_access. Stored encrypted. */
                            microsoft_refresh_token?: string;
                            /** @description Providers office365, graph: the redirect URI the refresh token was obtained with. */
                            redirect_uri?: string;
                            /** @description Provider exchange (E1): the EWS host (optionally host:port); absent → Autodiscover. */
                            exchange_server_host?: string;
                            /** @description Provider exchange: the older name of exchange_server_host. */
                            eas_server_host?: string;
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description Comma-separated v2 scopes (or an array); default email,calendar,contacts. */
                        scopes?: string | string[];
                        /** @description An existing account of this application with the same address. */
                        reauth_account_id?: string;
                    };
                };
            };
            responses: {
                /** @description The credentials were verified with the provider. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description One-time, valid 15 minutes, bound to this client_id. */
                            code: string;
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Exchange a code for the account and an access token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        client_id: string;
                        client_secret: string;
                        code: string;
                    };
                    "application/x-www-form-urlencoded": {
                        client_id: string;
                        client_secret: string;
                        code: string;
                    };
                    "text/plain": {
                        client_id: string;
                        client_secret: string;
                        code: string;
                    };
                };
            };
            responses: {
                /** @description The account object plus a new access token. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "account";
                            account_id: string;
                            name: string;
                            email_address: string;
                            provider: string;
                            /** @enum {string} */
                            organization_unit: "label" | "folder";
                            sync_state: string;
                            /** @description Unix seconds */
                            linked_at: number;
                            billing_state: string;
                            /** @description Long-lived; send as Bearer, or as the Basic username. */
                            access_token: string;
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/connect/detect-provider": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Detect the provider and IMAP/SMTP settings of an email address */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        client_id: string;
                        client_secret: string;
                        email_address: string;
                    };
                    "application/x-www-form-urlencoded": {
                        client_id: string;
                        client_secret: string;
                        email_address: string;
                    };
                    "text/plain": {
                        client_id: string;
                        client_secret: string;
                        email_address: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            email_address: string;
                            detected: boolean;
                            /** @description The `provider` value to use at /connect/authorize. */
                            auth_name: string;
                            provider_name: string;
                            is_imap: boolean;
                            /** @description Google and Microsoft mailboxes: passwords are refused, use OAuth. */
                            oauth_required: boolean;
                            /** @enum {string} */
                            source?: "builtin" | "mx" | "autoconfig" | "ispdb" | "ispdb_mx" | "srv" | "guess";
                            /** @description When the source listed several servers for IMAP or SMTP: which one answered and was chosen, and why the ones before it were skipped. */
                            source_detail?: string;
                            settings?: {
                                imap_host: string;
                                imap_port: number;
                                imap_security: string;
                                imap_username: string;
                                smtp_host: string;
                                smtp_port: number;
                                smtp_security: string;
                                smtp_username: string;
                            };
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/account": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account behind an access token (Bearer, or Basic with the token as username) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The account (v2 account object). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @enum {string} */
                            object: "account";
                            account_id: string;
                            name: string;
                            email_address: string;
                            provider: string;
                            /** @enum {string} */
                            organization_unit: "label" | "folder";
                            sync_state: string;
                            /** @description Unix seconds */
                            linked_at: number;
                            billing_state: string;
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/a/{client_id}/accounts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List the application’s accounts, oldest first */
        get: {
            parameters: {
                query?: {
                    /** @description At most this many (default 100, at most 1000). */
                    limit?: string;
                    /** @description Skip this many (default 0). */
                    offset?: string;
                };
                header?: never;
                path: {
                    client_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            account_id: string;
                            /** @description The address (v2 management accounts say `email`, not `email_address`). */
                            email: string;
                            provider: string;
                            /** @description `running`, or `invalid-credentials` after a failed credential re-check. */
                            sync_state: string;
                            /** @enum {string} */
                            billing_state: "paid" | "cancelled";
                            trial: boolean;
                            authentication_type: string;
                            metadata: {
                                [key: string]: string;
                            };
                            /** @description Unix seconds */
                            linked_at: number;
                        }[];
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/a/{client_id}/accounts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One account */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    client_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The v2 management account. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            account_id: string;
                            /** @description The address (v2 management accounts say `email`, not `email_address`). */
                            email: string;
                            provider: string;
                            /** @description `running`, or `invalid-credentials` after a failed credential re-check. */
                            sync_state: string;
                            /** @enum {string} */
                            billing_state: "paid" | "cancelled";
                            trial: boolean;
                            authentication_type: string;
                            metadata: {
                                [key: string]: string;
                            };
                            /** @description Unix seconds */
                            linked_at: number;
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        /** Replace the account’s metadata */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    client_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Replaces the metadata: at most 50 keys, keys 1–40 characters, values strings of at most 500. */
                        metadata: {
                            [key: string]: string;
                        };
                    };
                    "application/x-www-form-urlencoded": {
                        /** @description Replaces the metadata: at most 50 keys, keys 1–40 characters, values strings of at most 500. */
                        metadata: {
                            [key: string]: string;
                        };
                    };
                    "text/plain": {
                        /** @description Replaces the metadata: at most 50 keys, keys 1–40 characters, values strings of at most 500. */
                        metadata: {
                            [key: string]: string;
                        };
                    };
                };
            };
            responses: {
                /** @description The v2 management account. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            account_id: string;
                            /** @description The address (v2 management accounts say `email`, not `email_address`). */
                            email: string;
                            provider: string;
                            /** @description `running`, or `invalid-credentials` after a failed credential re-check. */
                            sync_state: string;
                            /** @enum {string} */
                            billing_state: "paid" | "cancelled";
                            trial: boolean;
                            authentication_type: string;
                            metadata: {
                                [key: string]: string;
                            };
                            /** @description Unix seconds */
                            linked_at: number;
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete the account, its stored credentials and every token */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    client_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description v2: the string "true". */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            success: "true";
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/a/{client_id}/accounts/{id}/downgrade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set billing_state to cancelled (its tokens answer 403 until upgraded) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    client_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description v2: the string "true". */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            success: "true";
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/a/{client_id}/accounts/{id}/upgrade": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set billing_state to paid */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    client_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description v2: the string "true". */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            success: "true";
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/a/{client_id}/accounts/{id}/revoke-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke every token of the account, except keep_access_token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    client_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description This token stays valid. */
                        keep_access_token?: string;
                    };
                    "application/x-www-form-urlencoded": {
                        /** @description This token stays valid. */
                        keep_access_token?: string;
                    };
                    "text/plain": {
                        /** @description This token stays valid. */
                        keep_access_token?: string;
                    };
                };
            };
            responses: {
                /** @description v2: the string "true". */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            success: "true";
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/a/{client_id}/accounts/{id}/token-info": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** When a token was issued, its scopes and whether it is still valid */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    client_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        access_token: string;
                    };
                    "application/x-www-form-urlencoded": {
                        access_token: string;
                    };
                    "text/plain": {
                        access_token: string;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description Unix seconds */
                            created_at: number;
                            /** @description Unix seconds */
                            updated_at: number;
                            /** @description Comma-separated */
                            scopes: string;
                            /** @enum {string} */
                            state: "valid" | "invalid";
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/a/{client_id}/ip_addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The addresses Latchkey connects to providers from (LATCHKEY_EGRESS_IPS), for allow-lists */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    client_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            ip_addresses: string[];
                            /** @description Unix seconds: when this server read LATCHKEY_EGRESS_IPS */
                            updated_at: number;
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/a/{client_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    client_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            application_name: string;
                            icon_url: string | null;
                            redirect_uris: string[];
                            /** @description Latchkey extension: the hosted login page’s accent colour, #rrggbb. */
                            accent_color: string | null;
                            /** @description Latchkey extension: whether this application may read its accounts’ credentials. */
                            credentials_release: boolean;
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        /** Update the application (PUT; v2 clients use both) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    client_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        application_name?: string;
                        icon_url?: string | null;
                        /** @description Each https, or http on localhost. */
                        redirect_uris?: string[];
                        /** @description Latchkey extension: the hosted login page’s accent colour, #rrggbb. */
                        accent_color?: string | null;
                        /** @description Latchkey extension: let this application read its accounts’ credentials (GET /a/{client_id}/accounts/{id}/credentials). Off by default. */
                        credentials_release?: boolean;
                    };
                    "application/x-www-form-urlencoded": {
                        application_name?: string;
                        icon_url?: string | null;
                        /** @description Each https, or http on localhost. */
                        redirect_uris?: string[];
                        /** @description Latchkey extension: the hosted login page’s accent colour, #rrggbb. */
                        accent_color?: string | null;
                        /** @description Latchkey extension: let this application read its accounts’ credentials (GET /a/{client_id}/accounts/{id}/credentials). Off by default. */
                        credentials_release?: boolean;
                    };
                    "text/plain": {
                        application_name?: string;
                        icon_url?: string | null;
                        /** @description Each https, or http on localhost. */
                        redirect_uris?: string[];
                        /** @description Latchkey extension: the hosted login page’s accent colour, #rrggbb. */
                        accent_color?: string | null;
                        /** @description Latchkey extension: let this application read its accounts’ credentials (GET /a/{client_id}/accounts/{id}/credentials). Off by default. */
                        credentials_release?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            application_name: string;
                            icon_url: string | null;
                            redirect_uris: string[];
                            /** @description Latchkey extension: the hosted login page’s accent colour, #rrggbb. */
                            accent_color: string | null;
                            /** @description Latchkey extension: whether this application may read its accounts’ credentials. */
                            credentials_release: boolean;
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        /** Update the application (POST; v2 clients use both) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    client_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        application_name?: string;
                        icon_url?: string | null;
                        /** @description Each https, or http on localhost. */
                        redirect_uris?: string[];
                        /** @description Latchkey extension: the hosted login page’s accent colour, #rrggbb. */
                        accent_color?: string | null;
                        /** @description Latchkey extension: let this application read its accounts’ credentials (GET /a/{client_id}/accounts/{id}/credentials). Off by default. */
                        credentials_release?: boolean;
                    };
                    "application/x-www-form-urlencoded": {
                        application_name?: string;
                        icon_url?: string | null;
                        /** @description Each https, or http on localhost. */
                        redirect_uris?: string[];
                        /** @description Latchkey extension: the hosted login page’s accent colour, #rrggbb. */
                        accent_color?: string | null;
                        /** @description Latchkey extension: let this application read its accounts’ credentials (GET /a/{client_id}/accounts/{id}/credentials). Off by default. */
                        credentials_release?: boolean;
                    };
                    "text/plain": {
                        application_name?: string;
                        icon_url?: string | null;
                        /** @description Each https, or http on localhost. */
                        redirect_uris?: string[];
                        /** @description Latchkey extension: the hosted login page’s accent colour, #rrggbb. */
                        accent_color?: string | null;
                        /** @description Latchkey extension: let this application read its accounts’ credentials (GET /a/{client_id}/accounts/{id}/credentials). Off by default. */
                        credentials_release?: boolean;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            application_name: string;
                            icon_url: string | null;
                            redirect_uris: string[];
                            /** @description Latchkey extension: the hosted login page’s accent colour, #rrggbb. */
                            accent_color: string | null;
                            /** @description Latchkey extension: whether this application may read its accounts’ credentials. */
                            credentials_release: boolean;
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke the presenting access token (Basic username or Bearer) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            success: true;
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/authorize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The hosted login page (HTML); redirects to redirect_uri with code and state */
        get: {
            parameters: {
                query: {
                    client_id: string;
                    /** @description Exactly one of the application’s registered redirect_uris. */
                    redirect_uri: string;
                    response_type: "code";
                    /** @description Comma-separated v2 scopes (default email,calendar,contacts). */
                    scopes?: string;
                    /** @description Prefills the email address. */
                    login_hint?: string;
                    /** @description Echoed back on the redirect. */
                    state?: string;
                    /** @description `imap` or a known password provider; default: detected from the address. */
                    provider?: string;
                    /** @description true: failures redirect with error, reason and state. */
                    redirect_on_error?: "true" | "false";
                    /** @description PKCE: BASE64URL(SHA-256(code_verifier)), 43 characters. */
                    code_challenge?: string;
                    code_challenge_method?: "S256";
                    /** @description Reconnect this account of the application: its address is filled in and fixed; authorizing keeps the account id (the account.invalid webhook carries such a link as reconnect_url). */
                    reauth_account_id?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        /** The hosted login form (HTML form post; CSRF-protected) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/oauth/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Exchange a hosted-login code (client_secret, or code_verifier with PKCE) */
        get: {
            parameters: {
                query?: {
                    client_id?: string;
                    /** @description Confidential clients. Public (PKCE) clients send code_verifier instead. */
                    client_secret?: string;
                    code?: string;
                    grant_type?: "authorization_code";
                    /** @description When sent, must be the redirect URI the code was issued for. */
                    redirect_uri?: string;
                    /** @description PKCE (RFC 7636): 43–128 characters. */
                    code_verifier?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description v2 HostedAuthenticationToken. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            account_id: string;
                            email_address: string;
                            provider: string;
                            /** @enum {string} */
                            token_type: "bearer";
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Exchange a hosted-login code (client_secret, or code_verifier with PKCE) */
        post: {
            parameters: {
                query?: {
                    client_id?: string;
                    /** @description Confidential clients. Public (PKCE) clients send code_verifier instead. */
                    client_secret?: string;
                    code?: string;
                    grant_type?: "authorization_code";
                    /** @description When sent, must be the redirect URI the code was issued for. */
                    redirect_uri?: string;
                    /** @description PKCE (RFC 7636): 43–128 characters. */
                    code_verifier?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        client_id?: string;
                        /** @description Confidential clients. Public (PKCE) clients send code_verifier instead. */
                        client_secret?: string;
                        code?: string;
                        /** @enum {string} */
                        grant_type?: "authorization_code";
                        /** @description When sent, must be the redirect URI the code was issued for. */
                        redirect_uri?: string;
                        /** @description PKCE (RFC 7636): 43–128 characters. */
                        code_verifier?: string;
                    };
                    "application/x-www-form-urlencoded": {
                        client_id?: string;
                        /** @description Confidential clients. Public (PKCE) clients send code_verifier instead. */
                        client_secret?: string;
                        code?: string;
                        /** @enum {string} */
                        grant_type?: "authorization_code";
                        /** @description When sent, must be the redirect URI the code was issued for. */
                        redirect_uri?: string;
                        /** @description PKCE (RFC 7636): 43–128 characters. */
                        code_verifier?: string;
                    };
                    "text/plain": {
                        client_id?: string;
                        /** @description Confidential clients. Public (PKCE) clients send code_verifier instead. */
                        client_secret?: string;
                        code?: string;
                        /** @enum {string} */
                        grant_type?: "authorization_code";
                        /** @description When sent, must be the redirect URI the code was issued for. */
                        redirect_uri?: string;
                        /** @description PKCE (RFC 7636): 43–128 characters. */
                        code_verifier?: string;
                    };
                };
            };
            responses: {
                /** @description v2 HostedAuthenticationToken. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            account_id: string;
                            email_address: string;
                            provider: string;
                            /** @enum {string} */
                            token_type: "bearer";
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/a/{client_id}/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application’s webhooks */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    client_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            application_id: string;
                            callback_url: string;
                            /** @enum {string} */
                            state: "active";
                            triggers: ("account.connected" | "account.invalid" | "account.running" | "account.deleted")[];
                            /** @enum {string} */
                            version: "2.0";
                        }[];
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a callback URL (after the challenge handshake); the signing secret is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    client_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description https; must answer GET ?challenge=V with 200 and body V. */
                        callback_url: string;
                        /** @description Default: every account event. */
                        triggers?: ("account.connected" | "account.invalid" | "account.running" | "account.deleted")[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            application_id: string;
                            callback_url: string;
                            /** @enum {string} */
                            state: "active";
                            triggers: ("account.connected" | "account.invalid" | "account.running" | "account.deleted")[];
                            /** @enum {string} */
                            version: "2.0";
                            /** @description Shown once: verify X-Latchkey-Signature (hex HMAC-SHA256 of the body) with it. */
                            signing_secret: string;
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/a/{client_id}/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    client_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            application_id: string;
                            callback_url: string;
                            /** @enum {string} */
                            state: "active";
                            triggers: ("account.connected" | "account.invalid" | "account.running" | "account.deleted")[];
                            /** @enum {string} */
                            version: "2.0";
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete a webhook and its pending deliveries */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    client_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description v2: the string "true". */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {string} */
                            success: "true";
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/a/{client_id}/accounts/{id}/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The account’s connection settings and secrets (password, or an OAuth access token minted on demand) */
        get: {
            parameters: {
                query?: {
                    /** @description Only this member. */
                    protocol?: "imap" | "smtp" | "ews";
                };
                header?: never;
                path: {
                    client_id: string;
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description The members the account’s scopes allow (or the one asked for with ?protocol=). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            account_id: string;
                            email_address: string;
                            provider: string;
                            /** @description One mail protocol’s connection: settings plus a password or a live OAuth access token. */
                            imap?: {
                                host: string;
                                port: number;
                                /**
                                 * @description `ssl`: implicit TLS; `starttls`; `none`.
                                 * @enum {string}
                                 */
                                security: "ssl" | "starttls" | "none";
                                username: string;
                                /** @enum {string} */
                                auth: "password";
                                password: string;
                            } | {
                                host: string;
                                port: number;
                                /**
                                 * @description `ssl`: implicit TLS; `starttls`; `none`.
                                 * @enum {string}
                                 */
                                security: "ssl" | "starttls" | "none";
                                username: string;
                                /** @enum {string} */
                                auth: "xoauth2";
                                /** @description For SASL XOAUTH2 / OAUTHBEARER; minted by Latchkey from the stored refresh token. */
                                access_token: string;
                                /** @description Unix seconds: when the access token expires (it is released until 5 minutes before). */
                                expires_at: number;
                            };
                            /** @description One mail protocol’s connection: settings plus a password or a live OAuth access token. */
                            smtp?: {
                                host: string;
                                port: number;
                                /**
                                 * @description `ssl`: implicit TLS; `starttls`; `none`.
                                 * @enum {string}
                                 */
                                security: "ssl" | "starttls" | "none";
                                username: string;
                                /** @enum {string} */
                                auth: "password";
                                password: string;
                            } | {
                                host: string;
                                port: number;
                                /**
                                 * @description `ssl`: implicit TLS; `starttls`; `none`.
                                 * @enum {string}
                                 */
                                security: "ssl" | "starttls" | "none";
                                username: string;
                                /** @enum {string} */
                                auth: "xoauth2";
                                /** @description For SASL XOAUTH2 / OAUTHBEARER; minted by Latchkey from the stored refresh token. */
                                access_token: string;
                                /** @description Unix seconds: when the access token expires (it is released until 5 minutes before). */
                                expires_at: number;
                            };
                            /** @description Exchange Web Services. */
                            ews?: {
                                url: string;
                                username: string;
                                password: string;
                            };
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/a/{client_id}/emailengine/credentials": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** EmailEngine’s authentication server: ?account=ID&proto=imap|smtp|api → {user, pass} or {user, accessToken} */
        get: {
            parameters: {
                query: {
                    /** @description The Latchkey account id (registered in EmailEngine as its account id). */
                    account: string;
                    proto: "imap" | "smtp" | "api";
                };
                header?: never;
                path: {
                    client_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description What EmailEngine accepts: user with pass, or user with accessToken (XOAUTH2). */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            user: string;
                            pass: string;
                        } | {
                            user: string;
                            accessToken: string;
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/a/{client_id}/audit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application’s audit log: authorize attempts, token exchanges, replay revocations */
        get: {
            parameters: {
                query?: {
                    /** @description ISO 8601 time, Unix seconds, or a span back from now (30m, 1h, 7d). Default: the last 24 hours. */
                    since?: string;
                    /** @description At most this many events, 1–1000; default 100. */
                    limit?: string;
                };
                header?: never;
                path: {
                    client_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Audit events, newest first. Never a secret, never an address in clear. */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            /** @description ISO 8601 UTC */
                            at: string;
                            /** @enum {string} */
                            event: "connect.authorize" | "connect.token" | "code.replay_revoked" | "account.metadata_updated" | "account.deleted" | "account.downgraded" | "account.upgraded" | "account.tokens_revoked" | "application.updated" | "token.revoked" | "oauth.token" | "credentials.released";
                            /** @description `ok`, `revoked`, or the error reason. */
                            outcome: string;
                            client_id: string;
                            /** @description First 16 hex digits of SHA-256 of the lower-cased address. */
                            email_hash: string | null;
                            account_id: string | null;
                            source_ip: string | null;
                            duration_ms: number | null;
                            revoked_tokens: number | null;
                            /** @description `credentials.released`: imap, smtp, ews, api (EmailEngine) or all; null for other events. */
                            protocol: string | null;
                        }[];
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
                /** @description Every error: v2 `message` and `type`, plus Latchkey’s `reason` and details. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            message: string;
                            /** @enum {string} */
                            type: "auth_error" | "invalid_request_error" | "api_error" | "provider_error";
                            /** @enum {string} */
                            reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                            step?: string;
                            server_error?: string;
                            missing_fields?: string[];
                            error?: string;
                            addresses_tried?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/healthz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/readyz": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
                /** @description Default Response */
                503: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/connect/custom": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Custom authentication: verify the credentials with the provider and answer the grant (re-authenticates an existing grant of the same address, keeping its id) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description `imap`, a known password provider (`icloud`, `yahoo`, `aol`, …), `ews`, or `google`/`microsoft` (the OAuth client from the application’s connector). */
                        provider: string;
                        settings: {
                            /** @description Latchkey extension: the account’s address, when the username is not it. */
                            email?: string;
                            /** @description Latchkey extension: the grant’s name (default the address). */
                            name?: string;
                            imap_username?: string;
                            imap_password?: string;
                            imap_host?: string;
                            imap_port?: number | string;
                            smtp_username?: string;
                            smtp_password?: string;
                            smtp_host?: string;
                            smtp_port?: number | string;
                            username?: string;
                            password?: string;
                            exchange_server_host?: string;
                            /** @description google / microsoft: the user’s refresh token (stored encrypted). */
                            refresh_token?: string;
                            /** @description microsoft: the redirect URI the refresh token was obtained with. */
                            redirect_uri?: string;
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description Accepted, not kept. */
                        state?: string;
                        /** @description Accepted, not kept. */
                        scope?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: {
                                /** @description The Latchkey account id: v2’s `/a/{client_id}/accounts/{id}` is the same account. */
                                id: string;
                                /** @description v3 provider names: `google`, `microsoft`, `ews`, `imap`, or a known password provider (`icloud`, `yahoo`, …). */
                                provider: string;
                                /**
                                 * @description `invalid` once the credential health check found the stored credentials refused.
                                 * @enum {string}
                                 */
                                grant_status: "valid" | "invalid";
                                email: string;
                                name: string;
                                scope: string[];
                                /** @description Unix seconds */
                                created_at: number;
                                /** @description Unix seconds */
                                updated_at: number;
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/grants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application’s grants (its accounts), newest first by default */
        get: {
            parameters: {
                query?: {
                    /** @description 1–200, default 10. */
                    limit?: string;
                    offset?: string;
                    /** @description A `next_cursor` from the previous page. */
                    page_token?: string;
                    provider?: string;
                    grant_status?: "valid" | "invalid";
                    email?: string;
                    /** @description created_at ≥ this (Unix seconds). */
                    since?: string;
                    /** @description created_at < this (Unix seconds). */
                    before?: string;
                    sort_by?: "created_at" | "updated_at";
                    order_by?: "asc" | "desc";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: {
                                /** @description The Latchkey account id: v2’s `/a/{client_id}/accounts/{id}` is the same account. */
                                id: string;
                                /** @description v3 provider names: `google`, `microsoft`, `ews`, `imap`, or a known password provider (`icloud`, `yahoo`, …). */
                                provider: string;
                                /**
                                 * @description `invalid` once the credential health check found the stored credentials refused.
                                 * @enum {string}
                                 */
                                grant_status: "valid" | "invalid";
                                email: string;
                                name: string;
                                scope: string[];
                                /** @description Unix seconds */
                                created_at: number;
                                /** @description Unix seconds */
                                updated_at: number;
                            }[];
                            /** @description Absent on the last page. */
                            next_cursor?: string;
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/grants/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The grant behind an access token (Authorization: Bearer <access token>) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: {
                                /** @description The Latchkey account id: v2’s `/a/{client_id}/accounts/{id}` is the same account. */
                                id: string;
                                /** @description v3 provider names: `google`, `microsoft`, `ews`, `imap`, or a known password provider (`icloud`, `yahoo`, …). */
                                provider: string;
                                /**
                                 * @description `invalid` once the credential health check found the stored credentials refused.
                                 * @enum {string}
                                 */
                                grant_status: "valid" | "invalid";
                                email: string;
                                name: string;
                                scope: string[];
                                /** @description Unix seconds */
                                created_at: number;
                                /** @description Unix seconds */
                                updated_at: number;
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/grants/{grant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One grant (the same account as v2’s /a/{client_id}/accounts/{id}) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    grant_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: {
                                /** @description The Latchkey account id: v2’s `/a/{client_id}/accounts/{id}` is the same account. */
                                id: string;
                                /** @description v3 provider names: `google`, `microsoft`, `ews`, `imap`, or a known password provider (`icloud`, `yahoo`, …). */
                                provider: string;
                                /**
                                 * @description `invalid` once the credential health check found the stored credentials refused.
                                 * @enum {string}
                                 */
                                grant_status: "valid" | "invalid";
                                email: string;
                                name: string;
                                scope: string[];
                                /** @description Unix seconds */
                                created_at: number;
                                /** @description Unix seconds */
                                updated_at: number;
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        /** Delete the grant: its stored credentials and every token go too */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    grant_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** New credentials for the grant, verified with the provider; the grant keeps its id */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    grant_id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description New credentials (and settings), merged over the stored ones and verified with the provider. */
                        settings?: {
                            [key: string]: unknown;
                        };
                        /** @description Not changeable: a grant keeps the scopes it was connected with. */
                        scope?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: {
                                /** @description The Latchkey account id: v2’s `/a/{client_id}/accounts/{id}` is the same account. */
                                id: string;
                                /** @description v3 provider names: `google`, `microsoft`, `ews`, `imap`, or a known password provider (`icloud`, `yahoo`, …). */
                                provider: string;
                                /**
                                 * @description `invalid` once the credential health check found the stored credentials refused.
                                 * @enum {string}
                                 */
                                grant_status: "valid" | "invalid";
                                email: string;
                                name: string;
                                scope: string[];
                                /** @description Unix seconds */
                                created_at: number;
                                /** @description Unix seconds */
                                updated_at: number;
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v3/providers/detect": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Detect the provider (and IMAP/SMTP servers) of an address */
        post: {
            parameters: {
                query: {
                    email: string;
                    /** @description Accepted; every type is always answered. */
                    all_provider_types?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: {
                                email_address: string;
                                detected: boolean;
                                /** @description The `provider` to send to POST /v3/connect/custom. */
                                provider?: string;
                                /** @enum {string} */
                                type?: "oauth" | "ews" | "imap";
                                /** @description Latchkey extension: the detected servers. */
                                settings?: {
                                    imap_host: string;
                                    imap_port: number;
                                    imap_security: string;
                                    imap_username: string;
                                    smtp_host: string;
                                    smtp_port: number;
                                    smtp_security: string;
                                    smtp_username: string;
                                };
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/applications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application the API key belongs to */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: {
                                /** @description The application’s client_id. */
                                application_id: string;
                                /** @description Latchkey has no organizations: the client_id again. */
                                organization_id: string;
                                /** @description Always `self-hosted`. */
                                region: string;
                                /** @description Always `production`. */
                                environment: string;
                                branding: {
                                    name: string;
                                    icon_url?: string;
                                };
                                hosted_authentication: {
                                    /** @description The hosted page’s accent colour, #rrggbb. */
                                    color_primary?: string;
                                };
                                callback_uris: {
                                    id: string;
                                    url: string;
                                    /** @enum {string} */
                                    platform: "web";
                                }[];
                                /** @description Unix seconds */
                                created_at: number;
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/connectors": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application’s connectors */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: components["schemas"]["def-0"][];
                            /** @description Absent on the last page. */
                            next_cursor?: string;
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Store the application’s OAuth client for google or microsoft */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description `google` or `microsoft`. */
                        provider: string;
                        name?: string;
                        settings: {
                            /** @description The application’s OAuth client id at the provider. */
                            client_id?: string;
                            /** @description Its client secret: stored encrypted, never shown again. */
                            client_secret?: string;
                            /** @description Microsoft only: the Entra tenant (default `common`). */
                            tenant?: string;
                            /** @description Google only: kept for compatibility; Latchkey does not use Pub/Sub. */
                            topic_name?: string;
                        } & {
                            [key: string]: unknown;
                        };
                        /** @description Default: what IMAP and SMTP with XOAUTH2 need. */
                        scope?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: components["schemas"]["def-0"];
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/connectors/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One connector */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: components["schemas"]["def-0"];
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        /** Change a connector (a new settings.client_secret replaces the stored one) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        settings?: {
                            /** @description The application’s OAuth client id at the provider. */
                            client_id?: string;
                            /** @description Its client secret: stored encrypted, never shown again. */
                            client_secret?: string;
                            /** @description Microsoft only: the Entra tenant (default `common`). */
                            tenant?: string;
                            /** @description Google only: kept for compatibility; Latchkey does not use Pub/Sub. */
                            topic_name?: string;
                        } & {
                            [key: string]: unknown;
                        };
                        scope?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: components["schemas"]["def-0"];
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a connector (connected grants keep working) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        /** Change a connector (a new settings.client_secret replaces the stored one) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        settings?: {
                            /** @description The application’s OAuth client id at the provider. */
                            client_id?: string;
                            /** @description Its client secret: stored encrypted, never shown again. */
                            client_secret?: string;
                            /** @description Microsoft only: the Entra tenant (default `common`). */
                            tenant?: string;
                            /** @description Google only: kept for compatibility; Latchkey does not use Pub/Sub. */
                            topic_name?: string;
                        } & {
                            [key: string]: unknown;
                        };
                        scope?: string[];
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: components["schemas"]["def-0"];
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        trace?: never;
    };
    "/v3/connect/auth": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Hosted OAuth: redirects (303) to Latchkey’s hosted login page */
        get: {
            parameters: {
                query?: {
                    client_id?: string;
                    redirect_uri?: string;
                    /** @description `code` */
                    response_type?: string;
                    /** @description v3 name: imap, icloud, yahoo, … (the page takes passwords; google, microsoft and ews are refused on it) */
                    provider?: string;
                    login_hint?: string;
                    /** @description At most 255 characters, returned unchanged. */
                    state?: string;
                    /** @description Provider OAuth scopes: accepted, not used by the password page. */
                    scope?: string;
                    /** @description RFC 7636 S256 (43 characters), or the nylas SDK’s base64 of hex SHA-256 (86 characters). */
                    code_challenge?: string;
                    /** @description `S256` (any case). `plain` is refused. */
                    code_challenge_method?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The application’s v3 webhooks */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: {
                                id: string;
                                trigger_types: ("grant.created" | "grant.updated" | "grant.deleted" | "grant.expired")[];
                                webhook_url: string;
                                /** @enum {string} */
                                status: "active";
                                /** @description Always empty: Latchkey sends no e-mail about failing webhooks. */
                                notification_email_addresses: string[];
                                /** @description Unix seconds */
                                created_at: number;
                                /** @description Unix seconds */
                                status_updated_at: number;
                                /** @description Unix seconds */
                                updated_at: number;
                            }[];
                            /** @description Absent on the last page. */
                            next_cursor?: string;
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        put?: never;
        /** Register a webhook (after the challenge handshake); webhook_secret is shown once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description Any of grant.created, grant.updated, grant.deleted, grant.expired. */
                        trigger_types: string[];
                        /** @description https; must answer GET ?challenge=V with 200 and body V within the timeout. */
                        webhook_url: string;
                        /** @description Accepted, not stored. */
                        description?: string;
                        /** @description Accepted, not used. */
                        notification_email_addresses?: string[];
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: {
                                id: string;
                                trigger_types: ("grant.created" | "grant.updated" | "grant.deleted" | "grant.expired")[];
                                webhook_url: string;
                                /** @enum {string} */
                                status: "active";
                                /** @description Always empty: Latchkey sends no e-mail about failing webhooks. */
                                notification_email_addresses: string[];
                                /** @description Unix seconds */
                                created_at: number;
                                /** @description Unix seconds */
                                status_updated_at: number;
                                /** @description Unix seconds */
                                updated_at: number;
                                /** @description Shown once: X-Nylas-Signature is the hex HMAC-SHA256 of the raw body under it. */
                                webhook_secret: string;
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One webhook */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: {
                                id: string;
                                trigger_types: ("grant.created" | "grant.updated" | "grant.deleted" | "grant.expired")[];
                                webhook_url: string;
                                /** @enum {string} */
                                status: "active";
                                /** @description Always empty: Latchkey sends no e-mail about failing webhooks. */
                                notification_email_addresses: string[];
                                /** @description Unix seconds */
                                created_at: number;
                                /** @description Unix seconds */
                                status_updated_at: number;
                                /** @description Unix seconds */
                                updated_at: number;
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        /** Change trigger_types or webhook_url (a new URL passes the challenge first) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        trigger_types?: string[];
                        webhook_url?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: {
                                id: string;
                                trigger_types: ("grant.created" | "grant.updated" | "grant.deleted" | "grant.expired")[];
                                webhook_url: string;
                                /** @enum {string} */
                                status: "active";
                                /** @description Always empty: Latchkey sends no e-mail about failing webhooks. */
                                notification_email_addresses: string[];
                                /** @description Unix seconds */
                                created_at: number;
                                /** @description Unix seconds */
                                status_updated_at: number;
                                /** @description Unix seconds */
                                updated_at: number;
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        post?: never;
        /** Delete a webhook and its pending deliveries */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: {
                                /** @enum {string} */
                                status: "success";
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/grants/{grant_id}/{*}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Not served: mailbox data endpoints (messages, threads, calendars, …) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    grant_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        /** Not served: mailbox data endpoints (messages, threads, calendars, …) */
        put: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    grant_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        /** Not served: mailbox data endpoints (messages, threads, calendars, …) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    grant_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        /** Not served: mailbox data endpoints (messages, threads, calendars, …) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    grant_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        /** Not served: mailbox data endpoints (messages, threads, calendars, …) */
        options: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    grant_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        /** Not served: mailbox data endpoints (messages, threads, calendars, …) */
        head: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    grant_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        /** Not served: mailbox data endpoints (messages, threads, calendars, …) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    grant_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
        /** Not served: mailbox data endpoints (messages, threads, calendars, …) */
        trace: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    grant_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
                /** @description Every v3 error: `{request_id, error: {type, message, provider_error}}`. */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            error: {
                                /** @enum {string} */
                                type: "api.invalid_request_error" | "api.authentication_error" | "api.not_found_error" | "api.provider_error" | "api.rate_limit_error" | "api.internal_error";
                                message: string;
                                /**
                                 * @description Latchkey’s stable reason (docs/errors.md), as on the v2 surface.
                                 * @enum {string}
                                 */
                                reason: "missing_fields" | "invalid_value" | "unsupported_provider" | "invalid_scope" | "email_mismatch" | "webhook_challenge_failed" | "invalid_code" | "missing_access_token" | "oauth_account_mismatch" | "invalid_redirect_uri" | "unsupported_response_type" | "unsupported_grant_type" | "login_expired" | "csrf_failed" | "invalid_client" | "invalid_token" | "account_cancelled" | "credentials_release_disabled" | "insufficient_scope" | "account_invalid" | "account_not_found" | "no_tokens" | "token_not_found" | "webhook_not_found" | "not_found" | "connector_not_found" | "connector_exists" | "not_served" | "body_too_large" | "malformed_request" | "request_timeout" | "uri_too_long" | "headers_too_large" | "invalid_credentials" | "app_password_required" | "web_login_required" | "imap_disabled" | "oauth_required" | "smtp_auth_disabled" | "mailbox_access_denied" | "refresh_token_revoked" | "token_audience_invalid" | "oauth_client_invalid" | "oauth_login_refused" | "tls_required" | "tls_required_not_offered" | "tls_mismatch" | "certificate_invalid" | "not_imap" | "not_smtp" | "no_supported_auth_mechanism" | "command_rejected" | "ehlo_rejected" | "destination_not_allowed" | "autodiscover_failed" | "dns_not_found" | "connect_refused" | "network_unreachable" | "connection_closed" | "protocol_error" | "provider_unavailable" | "verification_busy" | "connect_timeout" | "greeting_timeout" | "response_timeout" | "rate_limited" | "internal" | "store_unavailable";
                                /** @description When a provider conversation failed: which step, and the provider’s reply (secrets removed). */
                                provider_error?: {
                                    step?: string;
                                    server_error?: string;
                                    addresses_tried?: string[];
                                };
                                missing_fields?: string[];
                            };
                        };
                    };
                };
            };
        };
    };
    "/v3/connect/token": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Redeem a hosted-login code (authorization_code, with client_secret or PKCE code_verifier) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description `authorization_code` (`refresh_token` is refused: access tokens do not expire). */
                        grant_type: string;
                        client_id: string;
                        code?: string;
                        redirect_uri?: string;
                        /** @description An API key of the application (the SDK sends its own), or the v2 client secret. */
                        client_secret?: string;
                        /** @description PKCE: RFC 7636 verifier, or the SDK’s `secret` from urlForOAuth2PKCE. */
                        code_verifier?: string;
                        refresh_token?: string;
                    } & {
                        [key: string]: unknown;
                    };
                };
            };
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            access_token: string;
                            /** @enum {string} */
                            token_type: "Bearer";
                            grant_id: string;
                            email: string;
                            provider: string;
                            /** @description Space-separated Latchkey scopes. */
                            scope: string;
                        };
                    };
                };
                /** @description OAuth-shaped error (RFC 6749 §5.2). */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            /** @description RFC 6749 §5.2: invalid_request, invalid_client, invalid_grant, unsupported_grant_type, server_error, … */
                            error: string;
                            /** @description The HTTP status. */
                            error_code: number;
                            error_description: string;
                            /** @description Latchkey’s stable reason (docs/errors.md). */
                            reason: string;
                            missing_fields?: string[];
                        };
                    };
                };
                /** @description OAuth-shaped error (RFC 6749 §5.2). */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            /** @description RFC 6749 §5.2: invalid_request, invalid_client, invalid_grant, unsupported_grant_type, server_error, … */
                            error: string;
                            /** @description The HTTP status. */
                            error_code: number;
                            error_description: string;
                            /** @description Latchkey’s stable reason (docs/errors.md). */
                            reason: string;
                            missing_fields?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/connect/tokeninfo": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What an access token of the calling application stands for */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            data: {
                                iss: string;
                                aud: string;
                                /** @description The grant id. */
                                sub: string;
                                email: string;
                                /** @description Unix seconds */
                                iat: number;
                            };
                        };
                    };
                };
                /** @description OAuth-shaped error (RFC 6749 §5.2). */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            /** @description RFC 6749 §5.2: invalid_request, invalid_client, invalid_grant, unsupported_grant_type, server_error, … */
                            error: string;
                            /** @description The HTTP status. */
                            error_code: number;
                            error_description: string;
                            /** @description Latchkey’s stable reason (docs/errors.md). */
                            reason: string;
                            missing_fields?: string[];
                        };
                    };
                };
                /** @description OAuth-shaped error (RFC 6749 §5.2). */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            /** @description RFC 6749 §5.2: invalid_request, invalid_client, invalid_grant, unsupported_grant_type, server_error, … */
                            error: string;
                            /** @description The HTTP status. */
                            error_code: number;
                            error_description: string;
                            /** @description Latchkey’s stable reason (docs/errors.md). */
                            reason: string;
                            missing_fields?: string[];
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/v3/connect/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an access token (?token=…); the grant stays */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                /** @description Default Response */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            success: boolean;
                        };
                    };
                };
                /** @description OAuth-shaped error (RFC 6749 §5.2). */
                "4XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            /** @description RFC 6749 §5.2: invalid_request, invalid_client, invalid_grant, unsupported_grant_type, server_error, … */
                            error: string;
                            /** @description The HTTP status. */
                            error_code: number;
                            error_description: string;
                            /** @description Latchkey’s stable reason (docs/errors.md). */
                            reason: string;
                            missing_fields?: string[];
                        };
                    };
                };
                /** @description OAuth-shaped error (RFC 6749 §5.2). */
                "5XX": {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            request_id: string;
                            /** @description RFC 6749 §5.2: invalid_request, invalid_client, invalid_grant, unsupported_grant_type, server_error, … */
                            error: string;
                            /** @description The HTTP status. */
                            error_code: number;
                            error_description: string;
                            /** @description Latchkey’s stable reason (docs/errors.md). */
                            reason: string;
                            missing_fields?: string[];
                        };
                    };
                };
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        /** V3Connector */
        "def-0": {
            name: string;
            /** @enum {string} */
            provider: "google" | "microsoft";
            /** @description The OAuth `client_id` (and Microsoft’s `tenant`, Google’s `topic_name`); never the client secret. */
            settings: {
                [key: string]: string;
            };
            scope: string[];
            /** @description Unix seconds */
            created_at: number;
            /** @description Unix seconds */
            updated_at: number;
        };
    };
    responses: never;
    parameters: never;
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
