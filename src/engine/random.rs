//! `PcgRandom`: the engine's PCG32 generator (the same numbers for the same
//! seed as the real server), as a Lua userdata; it needs 64-bit integer
//! arithmetic, which Lua numbers cannot do exactly.

use mlua::{Lua, UserData, UserDataMethods, Value};

const MULTIPLIER: u64 = 6_364_136_223_846_793_005;
const DEFAULT_SEQUENCE: u64 = 0xda3e_39cb_94b9_5bdb;

/// The engine's PCG32 state.
#[derive(Debug, Clone)]
pub struct PcgRandom {
    state: u64,
    increment: u64,
}

impl PcgRandom {
    pub fn new(state: u64, sequence: u64) -> PcgRandom {
        let mut rng = PcgRandom {
            state: 0,
            increment: (sequence << 1) | 1,
        };
        rng.next_u32();
        rng.state = rng.state.wrapping_add(state);
        rng.next_u32();
        rng
    }

    pub fn next_u32(&mut self) -> u32 {
        let old = self.state;
        self.state = old.wrapping_mul(MULTIPLIER).wrapping_add(self.increment);
        let xorshifted = (((old >> 18) ^ old) >> 27) as u32;
        let rot = (old >> 59) as u32;
        xorshifted.rotate_right(rot)
    }

    /// Uniform in `0..bound` without bias; a bound of 0 is the whole range.
    fn bounded(&mut self, bound: u32) -> u32 {
        if bound == 0 {
            return self.next_u32();
        }
        let threshold = bound.wrapping_neg() % bound;
        loop {
            let r = self.next_u32();
            if r >= threshold {
                return r % bound;
            }
        }
    }

    pub fn range(&mut self, min: i32, max: i32) -> mlua::Result<i32> {
        if max < min {
            return Err(mlua::Error::RuntimeError(
                "Invalid range (max < min)".to_owned(),
            ));
        }
        let bound = (i64::from(max) - i64::from(min) + 1) as u32;
        Ok(self.bounded(bound).wrapping_add(min as u32) as i32)
    }

    pub fn normal(&mut self, min: i32, max: i32, trials: i32) -> mlua::Result<i32> {
        let mut sum: i32 = 0;
        for _ in 0..trials.max(0) {
            sum = sum.wrapping_add(self.range(min, max)?);
        }
        let mean = sum as f32 / trials as f32;
        Ok(if mean < 0.0 { mean - 0.5 } else { mean + 0.5 } as i32)
    }
}

/// A Lua number as the engine's C++ turns it into a `u64` seed (negative
/// values wrap, as on the x86-64 servers).
fn seed_from(value: f64) -> u64 {
    if value < 0.0 {
        value as i64 as u64
    } else {
        value as u64
    }
}

/// An integer argument as `lua_tointeger` reads it, or `default`.
fn integer(value: &Value, default: i32) -> i32 {
    match value {
        Value::Integer(n) => *n as i32,
        Value::Number(n) => *n as i64 as i32,
        Value::String(s) => s
            .to_str()
            .ok()
            .and_then(|s| s.trim().parse::<f64>().ok())
            .map_or(default, |n| n as i64 as i32),
        _ => default,
    }
}

impl UserData for PcgRandom {
    fn add_methods<M: UserDataMethods<Self>>(methods: &mut M) {
        methods.add_method_mut("next", |_, rng, (min, max): (Value, Value)| {
            rng.range(integer(&min, i32::MIN), integer(&max, i32::MAX))
        });
        methods.add_method_mut(
            "rand_normal_dist",
            |_, rng, (min, max, trials): (Value, Value, Value)| {
                rng.normal(
                    integer(&min, -32768),
                    integer(&max, 32767),
                    integer(&trials, 6),
                )
            },
        );
    }
}

/// Adds the global `PcgRandom(seed, [sequence])`.
pub fn add_pcg_random(lua: &Lua) -> mlua::Result<()> {
    let constructor = lua.create_function(|_, (seed, sequence): (f64, Option<f64>)| {
        Ok(PcgRandom::new(
            seed_from(seed),
            sequence.map_or(DEFAULT_SEQUENCE, |s| s as i64 as u64),
        ))
    })?;
    lua.globals().set("PcgRandom", constructor)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_seed_gives_the_reference_pcg32_stream() {
        // The PCG32 reference's first output for its demo seed (42, 54).
        let mut rng = PcgRandom::new(42, 54);
        assert_eq!(rng.next_u32(), 0xa15c02b7);
    }
}
