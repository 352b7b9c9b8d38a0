/** Everything the views may ask of the account. Like AppController, the views never change the store themselves. */
export interface AccountIntents {
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** Forgets the sign-in form's last error (the form was closed). */
  dismissSignInError(): void;
  /** Opens the first-admin setup page or an invite (or password reset) page for a token read from the address. */
  openWelcome(kind: 'setup' | 'invite', token: string): Promise<void>;
  /** Sends the setup or invite form: email and name for the first admin, name for an invite, only the password for a reset. */
  completeWelcome(fields: { readonly email?: string; readonly name?: string; readonly password: string }): Promise<void>;
  /** Loads the next older page of "My attempts". */
  showOlderAttempts(): Promise<void>;
  /** Loads the account's lists again (the picker is shown). */
  refresh(): void;
  /** Tries the server again now, after it could not be reached. */
  retry(): void;
}
