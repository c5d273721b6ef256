#!/usr/bin/env Rscript
# Peer driver: R's markovchain package on the binary mle (Wright-Fisher) chain, built here
# from the closed form (dbinom; no code shared with collapse).
#
#   Rscript markovchain_solve.R --n N --what absorption|steps|stationary [--lambda A/B] [--print]
#
# absorption: absorptionProbabilities(), column of state N; steps: meanAbsorptionTime();
# stationary: steadyStates() (lambda > 0). States are named "0".."N".
# build_seconds: the transition matrix; solve_seconds: new("markovchain", ...) (the package
# validates the matrix there) plus the analysis call, what a user of the package pays.
# Prints one JSON object; with --print the solution, entry i for state i (1..N-1, or 0..N).
suppressPackageStartupMessages(library(markovchain))

args <- commandArgs(trailingOnly = TRUE)
opt <- list(n = NA, what = NA, lambda = "0", print = FALSE)
i <- 1
while (i <= length(args)) {
  a <- args[i]
  if (a == "--print") { opt$print <- TRUE; i <- i + 1; next }
  if (i == length(args) || !(a %in% c("--n", "--what", "--lambda"))) {
    stop("usage: markovchain_solve.R --n N --what absorption|steps|stationary [--lambda A/B] [--print]")
  }
  opt[[sub("^--", "", a)]] <- args[i + 1]
  i <- i + 2
}
n <- as.integer(opt$n)
what <- opt$what
parts <- as.numeric(strsplit(opt$lambda, "/", fixed = TRUE)[[1]])
lambda <- if (length(parts) == 2) parts[1] / parts[2] else parts[1]
if (is.na(n) || n < 2 || !(what %in% c("absorption", "steps", "stationary"))) stop("bad --n or --what")
if ((what == "stationary") == (lambda == 0)) {
  stop("stationary needs --lambda > 0, absorption and steps need lambda = 0")
}

t0 <- proc.time()[["elapsed"]]
p <- (1 - lambda) * (0:n) / n + lambda / 2
P <- t(vapply(p, function(pi) dbinom(0:n, n, pi), numeric(n + 1)))
names <- as.character(0:n)
dimnames(P) <- list(names, names)
cpu <- function() { t <- proc.time(); t[["user.self"]] + t[["sys.self"]] }
t1 <- proc.time()[["elapsed"]]
c1 <- cpu()
mc <- new("markovchain", states = names, transitionMatrix = P)
if (what == "absorption") {
  ap <- absorptionProbabilities(mc)
  values <- ap[as.character(1:(n - 1)), as.character(n)]
} else if (what == "steps") {
  mt <- meanAbsorptionTime(mc)
  values <- mt[as.character(1:(n - 1))]
} else {
  ss <- steadyStates(mc)
  if (nrow(ss) != 1) stop("steadyStates returned ", nrow(ss), " laws")
  values <- ss[1, names]
}
t2 <- proc.time()[["elapsed"]]
c2 <- cpu()

out <- sprintf(paste0('{"tool": "markovchain", "method": "%s", "n": %d, "what": "%s", "lambda": "%s", ',
                      '"markovchain": "%s", "build_seconds": %.6f, "solve_seconds": %.6f, "solve_cpu_seconds": %.6f'),
               switch(what, absorption = "absorptionProbabilities", steps = "meanAbsorptionTime",
                      stationary = "steadyStates"),
               n, what, opt$lambda, as.character(packageVersion("markovchain")), t1 - t0, t2 - t1, c2 - c1)
if (opt$print) {
  out <- paste0(out, ', "values": [', paste(sprintf("%.17g", values), collapse = ", "), "]")
}
cat(out, "}\n", sep = "")
