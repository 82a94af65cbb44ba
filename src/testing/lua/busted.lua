-- The busted API a spec file sees: describe / it / pending, before_each /
-- after_each / setup / teardown / finally, and luassert's assert, spy,
-- stub, mock and match (built in assert_core.lua and the files after it).
-- Specs register here; the runner then runs each test under the budget.
--
-- Two modes, chosen per spec file: "mtedu" (every test starts from a fresh
-- world, so a block's setup/teardown run around each of its tests) and
-- "busted" (busted's own order, which mineunit suites rely on: the world
-- goes on from test to test, setup/teardown once per describe block, and a
-- describe block's body runs only when the tests before it are done, so
-- what it does to the world comes after them).
local _, _, sim, lib, mode = ...

local PENDING_MARKER = "mtedu-test-pending"

local function new_block(name, parent)
	return {
		name = name, parent = parent, children = {},
		before = {}, after = {}, setup = {}, teardown = {},
	}
end

local root = new_block("", nil)
local current = root
local running -- the test being run, for pending() and finally()
local api = {}

function api.describe(name, fn)
	local block = new_block(tostring(name), current)
	table.insert(current.children, block)
	if mode == "busted" then
		-- Its body runs when the runner reaches it (see `advance`).
		block.body = fn
		return
	end
	local previous = current
	current = block
	if type(fn) == "function" then
		fn()
	end
	current = previous
end
api.context, api.insulate, api.expose = api.describe, api.describe, api.describe

function api.it(name, fn)
	table.insert(current.children, {
		name = tostring(name), fn = fn, parent = current, pending = type(fn) ~= "function",
	})
end
api.spec, api.test = api.it, api.it

--- `pending("name")` beside the tests, or `pending("why")` inside one: the
--- test is reported pending, as busted does.
function api.pending(name)
	if running then
		error(PENDING_MARKER, 0)
	end
	table.insert(current.children, { name = tostring(name), pending = true, parent = current })
end

function api.finally(fn)
	if not running then
		lib.runner_error(2, "finally() belongs inside it()", "finally-outside-test")
	end
	table.insert(running.finally, fn)
end

function api.before_each(fn) table.insert(current.before, fn) end
function api.after_each(fn) table.insert(current.after, fn) end
function api.setup(fn) table.insert(current.setup, fn) end
function api.teardown(fn) table.insert(current.teardown, fn) end
api.lazy_setup, api.strict_setup = api.setup, api.setup
api.lazy_teardown, api.strict_teardown = api.teardown, api.teardown
function api.randomize() end

api.assert, api.spy, api.stub, api.mock, api.match = lib.assert, lib.spy, lib.stub, lib.mock, lib.match
api.sim = sim

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

--- The blocks from the file's root down to `block`.
local function ancestry(block)
	local list = {}
	while block do
		table.insert(list, 1, block)
		block = block.parent
	end
	return list
end

local function each_of(blocks, field, backwards)
	local from, to, by = 1, #blocks, 1
	if backwards then from, to, by = #blocks, 1, -1 end
	for i = from, to, by do
		local fns = blocks[i][field]
		if backwards then
			for j = #fns, 1, -1 do fns[j]() end
		else
			for _, fn in ipairs(fns) do fn() end
		end
	end
end

-- The runner reaches the tests by number: Rust holds no reference to
-- each (thousands of them would exhaust mlua's reference stack).
local collected = {}

-- busted mode: the blocks whose setup has run and whose teardown has not.
local open_blocks = {}
local leave_blocks

-- busted mode: where the walk through the blocks is, in the file's order
-- (a stack of blocks with the index of their next child).
local walk = { { block = root, next = 1, name = "" } }

--- busted mode: walks on to the next test, running the bodies of the
--- blocks met on the way (after the teardowns of the blocks left). A body
--- or a teardown that fails becomes an entry of its own that fails with
--- its error, as busted reports it.
local function advance()
	while #walk > 0 do
		local top = walk[#walk]
		local child = top.block.children[top.next]
		if child == nil then
			table.remove(walk)
		else
			top.next = top.next + 1
			local name = top.name == "" and child.name or (top.name .. " " .. child.name)
			if not child.children then
				child.full_name = name
				table.insert(collected, child)
				return
			end
			local left, problem = pcall(leave_blocks, ancestry(top.block))
			if not left then
				-- The block met is reached again on the next walk.
				top.next = top.next - 1
				table.insert(collected, { full_name = "(teardown)", failed = problem, parent = top.block })
				return
			end
			local ran = true
			if type(child.body) == "function" then
				local previous = current
				current = child
				ran, problem = pcall(child.body)
				current = previous
			end
			if ran then
				table.insert(walk, { block = child, next = 1, name = name })
			else
				table.insert(collected, { full_name = name, failed = problem, parent = top.block })
				return
			end
		end
	end
end

function api.__collect()
	if mode == "busted" then
		advance()
	else
		collected = collect(root, "", {})
	end
	return #collected
end

--- busted mode: the number of tests known once the walk found one more
--- (the same number when the file has no more).
function api.__more()
	if mode == "busted" then
		advance()
	end
	return #collected
end

--- Leaves the open blocks that are not ancestors of the next test (all of
--- them at the end of the file), innermost first: their teardown runs.
function leave_blocks(keep)
	local kept = {}
	for _, block in ipairs(keep or {}) do kept[block] = true end
	while #open_blocks > 0 and not kept[open_blocks[#open_blocks]] do
		local block = table.remove(open_blocks)
		for j = #block.teardown, 1, -1 do block.teardown[j]() end
	end
end

local function enter_blocks(blocks)
	for _, block in ipairs(blocks) do
		if block.setup_error then
			error(block.setup_error, 0)
		end
		local open = false
		for _, b in ipairs(open_blocks) do
			if b == block then open = true end
		end
		if not open then
			table.insert(open_blocks, block)
			local ok, err = pcall(each_of, { block }, "setup")
			if not ok then
				-- busted fails every test of a block whose setup failed.
				block.setup_error = err
				error(err, 0)
			end
		end
	end
end

function api.__name(index)
	return collected[index].full_name
end

function api.__run(index, seed)
	local test = collected[index]
	if test.pending then
		return "pending"
	end
	if test.failed ~= nil then
		error(test.failed, 0)
	end
	test.finally = {}
	local blocks = ancestry(test.parent)
	if mode == "busted" then
		leave_blocks(blocks)
		enter_blocks(blocks)
		if seed then math.randomseed(seed) end
		test.spy_mark = lib.spy_mark()
		running = test
		each_of(blocks, "before")
	else
		sim.reset(seed)
		test.spy_mark = lib.spy_mark()
		running = test
		each_of(blocks, "setup")
		each_of(blocks, "before")
	end
	test.fn()
	return "passed"
end

--- After every test that started, passed or not: finally, after_each (and
--- teardown in mtedu mode), then (in mtedu mode) the test's spies are put
--- back.
function api.__cleanup(index)
	local test = collected[index]
	running = nil
	if test.failed ~= nil then
		return
	end
	local blocks = ancestry(test.parent)
	local ok, err = true, nil
	for i = #(test.finally or {}), 1, -1 do
		local done, problem = pcall(test.finally[i])
		if not done and ok then ok, err = false, problem end
	end
	local done, problem = pcall(each_of, blocks, "after", true)
	if not done and ok then ok, err = false, problem end
	if mode ~= "busted" then
		done, problem = pcall(each_of, blocks, "teardown", true)
		if not done and ok then ok, err = false, problem end
	end
	-- busted leaves a spy in place until the spec reverts it (the file
	-- ends with a fresh engine); mtedu puts it back after its test.
	if mode ~= "busted" then
		lib.revert_spies(test.spy_mark or 0)
	end
	if not ok then
		error(err, 0)
	end
end

--- The end of the file: the open blocks' teardowns (busted mode) and
--- every spy still in place.
function api.__finish()
	running = nil
	local ok, err = pcall(leave_blocks, nil)
	lib.revert_spies(0)
	if not ok then
		error(err, 0)
	end
end

--- The words of a runner error (`lib.runner_error`), for the report.
function api.__said(message)
	return lib.runner_words(message)
end

function api.__last_failure()
	return lib.last_failure
end

api.__marker = lib.marker
api.__pending_marker = PENDING_MARKER
return api
