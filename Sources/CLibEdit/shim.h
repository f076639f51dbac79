// libedit for Swift. The readline-compatible API is used (see
// LIBEDIT-NOTES.md); Swift 6 rejects direct access to libedit's mutable C
// globals, so they are reached through these inline setters.
#ifndef CLIBEDIT_SHIM_H
#define CLIBEDIT_SHIM_H
#include <stdio.h>
#include <stdlib.h>
#include <locale.h>
#include <editline/readline.h>
#include <sys/ioctl.h>
#include <unistd.h>

static inline void clibedit_rl_set_attempted_completion(rl_completion_func_t *fn) {
    rl_attempted_completion_function = fn;
}
static inline void clibedit_rl_set_completion_over(int on) { rl_attempted_completion_over = on; }
static inline void clibedit_rl_set_readline_name(const char *name) { rl_readline_name = name; }
static inline void clibedit_rl_set_completion_append_character(int c) { rl_completion_append_character = c; }
static inline const char *clibedit_rl_line_buffer(void) { return rl_line_buffer; }
static inline void clibedit_rl_set_basic_word_break_characters(const char *s) { rl_basic_word_break_characters = (char *)s; }

/* ioctl is variadic in C, which Swift does not import: columns of the
   terminal on fd, or 0 when fd is not a terminal. */
static inline int clibedit_terminal_columns(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
    return ws.ws_col;
}
/* The function libedit reads each key with (one code point per call):
   set before libedit initialises, which is when it takes it. */
static inline void clibedit_rl_set_getc_function(int (*fn)(FILE *)) { rl_getc_function = fn; }
/* Lines of the terminal on fd, or 0 (the pager's threshold). */
static inline int clibedit_terminal_rows(int fd) {
    struct winsize ws;
    if (ioctl(fd, TIOCGWINSZ, &ws) != 0) return 0;
    return ws.ws_row;
}
static inline void clibedit_rl_set_completer_quote_characters(const char *s) { rl_completer_quote_characters = s; }
static inline int clibedit_rl_point(void) { return rl_point; }
static inline int clibedit_rl_end(void) { return rl_end; }
static inline int clibedit_history_length(void) { return history_length; }
static inline int clibedit_history_base(void) { return history_base; }
static inline void clibedit_rl_set_catch_signals(int on) { rl_catch_signals = on; }
/* The prompt, the edited line and completion lists on standard error: for
   `taskql | tee log`, where standard output is a pipe. */
static inline void clibedit_rl_set_outstream_stderr(void) { rl_outstream = stderr; }
#endif
