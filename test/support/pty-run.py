"""Runs a command on a pseudo-terminal, types a password once the prompt appears, and prints
everything the terminal showed (the screen a person would see, echo included).

    python3 pty-run.py PROMPT_TEXT PASSWORD TIMEOUT_S -- COMMAND [ARGS...]

Exits with the command's exit code (124 on timeout). Used by test/cli/doctor-pty.test.ts."""
import os, pty, select, sys, time

prompt, password, timeout = sys.argv[1].encode(), sys.argv[2], float(sys.argv[3])
argv = sys.argv[sys.argv.index('--') + 1:]
pid, fd = pty.fork()
if pid == 0:
    os.execvp(argv[0], argv)

screen, typed, deadline = b'', False, time.time() + timeout
while time.time() < deadline:
    ready, _, _ = select.select([fd], [], [], 0.1)
    if fd in ready:
        try:
            chunk = os.read(fd, 4096)
        except OSError:  # EIO: the child closed the terminal
            break
        if not chunk:
            break
        screen += chunk
    if not typed and prompt in screen:
        # Typed like a person: one key at a time, then Enter.
        for ch in password:
            os.write(fd, ch.encode())
            time.sleep(0.01)
        os.write(fd, b'\r')
        typed = True
else:
    os.kill(pid, 9)
    sys.stdout.buffer.write(screen)
    sys.exit(124)

_, status = os.waitpid(pid, 0)
sys.stdout.buffer.write(screen)
sys.exit(os.waitstatus_to_exitcode(status))
