//! Integration tests of photo import (issue 5): the real pipeline on real phone photos and on
//! bad inputs, through the library API and through `lanyard photos import`.

mod bad_inputs;
mod cli;
mod heic;
mod helpers;
mod hostile;
mod naming;
mod outputs;
mod pipeline;
