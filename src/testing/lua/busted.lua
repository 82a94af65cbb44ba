-- A busted-style spec API: describe / it / pending, before_each /
-- after_each / setup / teardown, assert.* and spies. Specs register here;
-- the runner then executes each test with a fresh world.
local _, _, sim, dump, where = ...

local root = { name = "", children = {}, before = {}, after = {}, setup = {}, teardown = {} }
local current = root
local api = {}

function api.describe(name, fn)
	local block = { name = name, children = {}, before = {}, after = {}, setup = {}, teardown = {}, parent = current }
	table.insert(current.children, block)
	local previous = current
	current = block
	fn()
	current = previous
end
api.context = api.describe

function api.it(name, fn)
	table.insert(current.children, { name = name, fn = fn, parent = current })
end

function api.pending(name)
	table.insert(current.children, { name = name, pending = true, parent = current })
end

function api.before_each(fn) table.insert(current.before, fn) end
function api.after_each(fn) table.insert(current.after, fn) end
function api.setup(fn) table.insert(current.setup, fn) end
function api.teardown(fn) table.insert(current.teardown, fn) end
api.lazy_setup, api.strict_setup = api.setup, api.setup

-- Assertions: a failure keeps its details aside for the runner (expected,
-- actual, the spec line) and raises a marked error.
local FAILURE_MARKER = "mtedu-assertion-failed"

local function fail(message, expected, actual)
	local place = where(2)
	api.__last_failure = { message = message, expected = expected, actual = actual, where = place }
	error(FAILURE_MARKER, 0)
end

local function deep_equal(a, b, seen)
	if a == b then return true end
	if type(a) ~= "table" or type(b) ~= "table" then return false end
	seen = seen or {}
	if seen[a] == b then return true end
	seen[a] = b
	for k, v in pairs(a) do
		if not deep_equal(v, b[k], seen) then return false end
	end
	for k in pairs(b) do
		if a[k] == nil then return false end
	end
	return true
end

local function show(value)
	if type(value) == "string" then return string.format("%q", value) end
	return dump(value)
end

local assert_api = {}
function assert_api.equals(expected, actual, message)
	if expected ~= actual then fail(message or "values differ", show(expected), show(actual)) end
end
function assert_api.same(expected, actual, message)
	if not deep_equal(expected, actual) then fail(message or "tables differ", show(expected), show(actual)) end
end
function assert_api.is_true(value, message)
	if value ~= true then fail(message or "expected true", "true", show(value)) end
end
function assert_api.is_false(value, message)
	if value ~= false then fail(message or "expected false", "false", show(value)) end
end
function assert_api.truthy(value, message)
	if not value then fail(message or "expected a truthy value", "not nil or false", show(value)) end
end
function assert_api.falsy(value, message)
	if value then fail(message or "expected a falsy value", "nil or false", show(value)) end
end
function assert_api.is_nil(value, message)
	if value ~= nil then fail(message or "expected nil", "nil", show(value)) end
end
function assert_api.not_nil(value, message)
	if value == nil then fail(message or "expected a value", "not nil", "nil") end
end
function assert_api.has_error(fn, wanted, message)
	local ok, err = pcall(fn)
	if ok then fail(message or "expected an error", wanted and show(wanted) or "an error", "no error") end
	if wanted ~= nil then
		local text = tostring(err):gsub("^[^\n]-:%d+: ", "")
		if text ~= wanted then fail(message or "the error differs", show(wanted), show(text)) end
	end
end
function assert_api.has_no_error(fn, message)
	local ok, err = pcall(fn)
	if not ok then fail(message or "expected no error", "no error", show(tostring(err))) end
end
function assert_api.matches(pattern, text, message)
	if type(text) ~= "string" or not text:find(pattern) then
		fail(message or "text does not match", "a text matching " .. show(pattern), show(text))
	end
end
assert_api.equal, assert_api.are_equal = assert_api.equals, assert_api.equals
assert_api.are_same = assert_api.same
assert_api.error, assert_api.errors = assert_api.has_error, assert_api.has_error
assert_api.no_error = assert_api.has_no_error
assert_api.is_truthy, assert_api.is_falsy = assert_api.truthy, assert_api.falsy
assert_api.match = assert_api.matches

-- assert.are.same, assert.is.truthy, assert.is_not.nil … read as the plain names.
local function chain(prefix)
	return setmetatable({}, {
		__index = function(_, key)
			if prefix == "not" then
				if key == "nil" then return assert_api.not_nil end
				-- equal compares with == (a table only equals itself), same
				-- compares contents, as in busted.
				if key == "equal" or key == "equals" then
					return function(a, b, m)
						if a == b then fail(m or "values are equal", "a different value", show(b)) end
					end
				end
				if key == "same" then
					return function(a, b, m)
						if deep_equal(a, b) then fail(m or "values are the same", "a different value", show(b)) end
					end
				end
			end
			if key == "nil" then return assert_api.is_nil end
			if key == "true" then return assert_api.is_true end
			if key == "false" then return assert_api.is_false end
			return assert_api[key]
		end,
	})
end
assert_api.are, assert_api.is = chain(""), chain("")
assert_api.is_not, assert_api.are_not = chain("not"), chain("not")

local assert_meta = {
	__call = function(_, value, message, ...)
		if not value then fail(message or "assertion failed", "a true value", show(value)) end
		return value, message, ...
	end,
}
api.assert = setmetatable(assert_api, assert_meta)

-- Spies: functions that record their calls.
local spy = {}
function spy.new(fn)
	local s = { calls = {} }
	return setmetatable(s, {
		__call = function(self, ...)
			table.insert(self.calls, { n = select("#", ...), ... })
			if fn then return fn(...) end
		end,
	})
end
function spy.on(t, key)
	local original = t[key]
	t[key] = spy.new(original)
	return t[key]
end
assert_api.spy = function(s)
	return {
		was_called = function(times)
			if times == nil and #s.calls == 0 then fail("the spy was never called", "at least 1 call", "0 calls") end
			if times ~= nil and #s.calls ~= times then fail("wrong number of calls", tostring(times), tostring(#s.calls)) end
		end,
		was_not_called = function()
			if #s.calls ~= 0 then fail("the spy was called", "0 calls", tostring(#s.calls)) end
		end,
	}
end
api.spy = spy
api.stub = function(t, key, value)
	t[key] = spy.new(type(value) == "function" and value or function() return value end)
	return t[key]
end
api.sim = sim

--- Runs every registered test; `run_one(test, fn)` runs a function in a
--- fresh world under the time budget and returns ok, error.
local function collect(block, prefix, out)
	for _, child in ipairs(block.children) do
		local name = prefix == "" and child.name or (prefix .. " " .. child.name)
		if child.children then
			collect(child, name, out)
		else
			child.full_name = name
			table.insert(out, child)
		end
	end
	return out
end

local function chain_of(block, field)
	local chain_list = {}
	local b = block
	while b do
		table.insert(chain_list, 1, b)
		b = b.parent
	end
	local fns = {}
	for _, item in ipairs(chain_list) do
		for _, fn in ipairs(item[field] or {}) do table.insert(fns, fn) end
	end
	return fns
end

-- The runner reaches the tests by number: Rust holds no reference to
-- each (thousands of them would exhaust mlua's reference stack).
local collected = {}

function api.__collect()
	collected = collect(root, "", {})
	return #collected
end

function api.__name(index)
	return collected[index].full_name
end

function api.__run(index, seed)
	local test = collected[index]
	if test.pending then
		return "pending"
	end
	-- Every test gets a fresh world, so setup/teardown run around each
	-- test of their block, like before_each/after_each.
	sim.reset(seed)
	for _, fn in ipairs(chain_of(test.parent, "setup")) do fn() end
	for _, fn in ipairs(chain_of(test.parent, "before")) do fn() end
	test.fn()
	return "passed"
end

-- after_each and teardown: called by the runner after every test that
-- started, passed or not, so what a test replaced is put back.
function api.__cleanup(index)
	local test = collected[index]
	local after = chain_of(test.parent, "after")
	for i = #after, 1, -1 do after[i]() end
	local teardown = chain_of(test.parent, "teardown")
	for i = #teardown, 1, -1 do teardown[i]() end
end

api.__marker = FAILURE_MARKER
return api
