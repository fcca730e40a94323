Console.WriteLine("tenon");
