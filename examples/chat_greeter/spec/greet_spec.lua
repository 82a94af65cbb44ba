-- Specs for /greet and /greetings: run them with `mtedu test examples/chat_greeter`.

-- Mod storage outlives a test: every test starts from an empty one.
before_each(function()
	chat_greeter.storage:from_table({})
end)

-- The last message a player read.
local function last_message(name)
	local messages = sim.messages(name)
	return messages[#messages]
end

-- How many medals a player carries.
local function medals(player)
	local count = 0
	local inventory = player:get_inventory()
	for i = 1, inventory:get_size("main") do
		local stack = inventory:get_stack("main", i)
		if stack:get_name() == "chat_greeter:medal" then
			count = count + stack:get_count()
		end
	end
	return count
end

describe("registrations", function()
	for command, params in pairs({ greet = "<player> [message]", greetings = "[player]", welcome = "[text]" }) do
		it("registers /" .. command .. " with its parameters and a description", function()
			local def = minetest.registered_chatcommands[command]
			assert.not_nil(def)
			-- The texts are translated: look for the English inside.
			assert.truthy(def.params:find(params, 1, true), def.params)
			assert.truthy(def.description:find("[a-z]"))
		end)
	end

	it("registers the greeter privilege, given in singleplayer", function()
		local def = minetest.registered_privileges.greeter
		assert.not_nil(def)
		assert.is_true(def.give_to_singleplayer)
	end)

	it("registers the medal with its texture", function()
		local def = minetest.registered_craftitems["chat_greeter:medal"]
		assert.not_nil(def)
		assert.equals("chat_greeter_medal.png", def.inventory_image)
	end)

	it("lets only greeters change the welcome text", function()
		assert.same({ greeter = true }, minetest.registered_chatcommands.welcome.privs)
		assert.same({ shout = true }, minetest.registered_chatcommands.greet.privs)
	end)
end)

describe("/greet", function()
	before_each(function()
		sim.join("alice")
		sim.join("bob")
	end)

	-- Every way to get it wrong, and the answer alice reads.
	local mistakes = {
		{ "/greet", "Whom do you want to greet? Type /greet and a name, for example /greet alice" },
		{ "/greet    ", "Whom do you want to greet? Type /greet and a name, for example /greet alice" },
		{ "/greet alice", "You cannot greet yourself. Try another player's name!" },
		{ "/greet alice hi me", "You cannot greet yourself. Try another player's name!" },
		{ "/greet zoe", "zoe is not in the game right now." },
		{ "/greet Bob", "Bob is not in the game right now." },
	}
	for _, case in ipairs(mistakes) do
		local command, answer = case[1], case[2]
		it("answers " .. string.format("%q", command) .. " with a hint", function()
			assert.same({ answer }, sim.chat("alice", command))
		end)

		it("counts nothing and sends bob nothing for " .. string.format("%q", command), function()
			local before = #sim.messages("bob")
			sim.chat("alice", command)
			assert.equals(before, #sim.messages("bob"))
			assert.equals(0, chat_greeter.count("alice"))
			assert.equals(0, chat_greeter.total())
		end)
	end

	it("says hello to bob when no message is given", function()
		sim.chat("alice", "/greet bob")
		assert.equals("alice greets you: Hello!", last_message("bob"))
	end)

	it("passes on the message, spaces inside kept", function()
		sim.chat("alice", "/greet bob have a  nice day")
		assert.equals("alice greets you: have a  nice day", last_message("bob"))
	end)

	it("ignores spaces around the name and the message", function()
		sim.chat("alice", "/greet   bob    hi there   ")
		assert.equals("alice greets you: hi there", last_message("bob"))
	end)

	it("tells alice it worked, with her count", function()
		assert.same({ "You greeted bob (greetings sent: 1)." }, sim.chat("alice", "/greet bob"))
		assert.same({ "You greeted bob (greetings sent: 2)." }, sim.chat("alice", "/greet bob again"))
	end)

	it("counts each player's greetings apart", function()
		sim.chat("alice", "/greet bob")
		sim.chat("alice", "/greet bob")
		sim.chat("bob", "/greet alice")
		assert.equals(2, chat_greeter.count("alice"))
		assert.equals(1, chat_greeter.count("bob"))
		assert.equals(3, chat_greeter.total())
	end)

	it("keeps the counters in mod storage", function()
		sim.chat("alice", "/greet bob")
		assert.same({ fields = { ["sent:alice"] = "1", total = "1" } }, {
			fields = {
				["sent:alice"] = chat_greeter.storage:get("sent:alice"),
				total = chat_greeter.storage:get("total"),
			},
		})
	end)

	it("greets a player who just arrived", function()
		sim.join("carol")
		assert.same({ "You greeted carol (greetings sent: 1)." }, sim.chat("alice", "/greet carol"))
	end)

	it("refuses a player who has left", function()
		sim.leave("bob")
		assert.same({ "bob is not in the game right now." }, sim.chat("alice", "/greet bob"))
	end)

	it("is refused to a player without the shout privilege", function()
		minetest.set_player_privs("alice", { interact = true })
		assert.same(
			{ "You don't have permission to run this command (missing privileges: shout)." },
			sim.chat("alice", "/greet bob")
		)
		assert.equals(0, chat_greeter.total())
	end)
end)

describe("the friendship medal", function()
	local alice

	before_each(function()
		alice = sim.join("alice")
		sim.join("bob")
	end)

	-- alice greets bob `times` times.
	local function greet(times)
		for _ = 1, times do
			sim.chat("alice", "/greet bob")
		end
	end

	it("is not given before the 10th greeting", function()
		greet(9)
		assert.equals(0, medals(alice))
	end)

	it("is given at the 10th greeting, with a message", function()
		greet(9)
		local answer = sim.chat("alice", "/greet bob")
		assert.equals(1, medals(alice))
		assert.same({ "10 greetings! Here is a friendship medal.", "You greeted bob (greetings sent: 10)." }, answer)
	end)

	it("comes again at the 20th and 30th greetings", function()
		greet(19)
		assert.equals(1, medals(alice))
		greet(1)
		assert.equals(2, medals(alice))
		greet(10)
		assert.equals(3, medals(alice))
	end)

	it("falls at alice's feet when her inventory is full", function()
		local inventory = alice:get_inventory()
		for i = 1, inventory:get_size("main") do
			inventory:set_stack("main", i, "default:dirt 99")
		end
		greet(10)
		assert.equals(0, medals(alice))
		local items = sim.items()
		assert.equals(1, #items)
		assert.equals("chat_greeter:medal", ItemStack(items[1].itemstring):get_name())
	end)

	it("is not given to the player who is greeted", function()
		local carol = sim.join("carol")
		for _ = 1, 10 do
			sim.chat("bob", "/greet carol")
		end
		assert.equals(0, medals(carol))
	end)
end)

describe("/greetings", function()
	before_each(function()
		sim.join("alice")
		sim.join("bob")
	end)

	it("shows zero for a player who never greeted", function()
		assert.same({ "alice has sent 0 greetings (everybody together: 0)." }, sim.chat("alice", "/greetings"))
	end)

	it("shows the player's own count without a name", function()
		sim.chat("alice", "/greet bob")
		sim.chat("alice", "/greet bob")
		assert.same({ "alice has sent 2 greetings (everybody together: 2)." }, sim.chat("alice", "/greetings"))
	end)

	it("shows another player's count with a name", function()
		sim.chat("bob", "/greet alice")
		assert.same({ "bob has sent 1 greetings (everybody together: 1)." }, sim.chat("alice", "/greetings bob"))
	end)

	it("works for players who are not in the game", function()
		sim.chat("bob", "/greet alice")
		sim.leave("bob")
		assert.same({ "bob has sent 1 greetings (everybody together: 1)." }, sim.chat("alice", "/greetings  bob "))
	end)

	it("needs no privilege", function()
		minetest.set_player_privs("alice", {})
		assert.same({ "alice has sent 0 greetings (everybody together: 0)." }, sim.chat("alice", "/greetings"))
	end)
end)
